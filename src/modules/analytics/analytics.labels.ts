import { countryName, formatNumber } from '../../platform/i18n/format';
import type { Locale } from '../../platform/i18n/locales';
import type { MessageKey, Translate } from '../../platform/i18n/t';
import { OTHER_DESCRIPTIONS, type ReachTable, type Shown } from './analytics.report';

/** A row's label in the page's language (countries through Intl, the rest from the catalogs). */
export function rowLabel(table: ReachTable, key: string, t: Translate, locale: Locale): string {
  switch (table) {
    case 'countries':
      return countryName(key, locale);
    case 'regions':
      return t(`analytics.region.${key}` as MessageKey);
    case 'subregions':
      return t(`analytics.subregion.${key}` as MessageKey);
    case 'stakeholder-groups':
      return t(`analytics.group.${key}` as MessageKey);
    case 'categories':
      return t(`analytics.category.${key}` as MessageKey);
    case 'genders':
      if (key === '') return t('analytics.gender.notGiven');
      if (key === OTHER_DESCRIPTIONS) return t('analytics.gender.other');
      return key;
    case 'sessions':
      return t('session.number', { number: key });
  }
}

/** The heading of each table (also its CSV's name in the download link). */
export const TABLE_HEADINGS: Record<ReachTable, MessageKey> = {
  countries: 'analytics.section.countries',
  regions: 'analytics.section.regions',
  subregions: 'analytics.section.subregions',
  'stakeholder-groups': 'analytics.section.stakeholderGroups',
  categories: 'analytics.section.categories',
  genders: 'analytics.section.genders',
  sessions: 'analytics.section.sessions',
};

/** The first column's header of each table. */
export const KEY_COLUMNS: Record<ReachTable, MessageKey> = {
  countries: 'analytics.col.country',
  regions: 'analytics.col.region',
  subregions: 'analytics.col.subregion',
  'stakeholder-groups': 'analytics.col.group',
  categories: 'analytics.col.category',
  genders: 'analytics.col.gender',
  sessions: 'documents.session',
};

/** A shown count: the number in the page's language, or "fewer than 5". */
export function shownText(value: Shown, t: Translate, locale: Locale): string {
  return value === null ? t('analytics.fewerThan5') : formatNumber(value, locale);
}
