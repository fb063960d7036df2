// Adds each time's equivalent in the visitor's own time zone, in the page's language. The server
// cannot know the visitor's zone; without this script the page shows UTC instead.
const lang = document.documentElement.lang || 'en';
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const range = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
const zoneName = new Intl.DateTimeFormat(lang, { timeZone: zone, timeZoneName: 'long' });

for (const el of document.querySelectorAll<HTMLElement>('.viewer-time[data-start][data-end]')) {
  const start = new Date(el.dataset.start ?? '');
  const end = new Date(el.dataset.end ?? '');
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) continue;
  const name = zoneName.formatToParts(start).find((p) => p.type === 'timeZoneName')?.value ?? zone;
  el.textContent = `${el.dataset.label ?? ''}: ${range.formatRange(start, end)} (${name})`;
}
