// The benchmark sections, in the order `npm run bench` runs them.
//
// To add one: create bench/sections/<name>.mjs exporting
//   name          what to type after `npm run bench --`
//   description   one line for `npm run bench -- --list`
//   run(ctx)      async; returns rows [{ name, value, unit, target?, pass? }] (build them with
//                 row() from ../lib/report.mjs), or { rows, details } to also keep raw figures
//                 in bench/results/latest.json
// and add it to this list. `ctx` is described in ../lib/context.mjs; the helpers to start and stop
// servers, load them and read their memory are in ../lib/.
import * as sessionPage from './session-page.mjs';
import * as startup from './startup.mjs';
import * as memory from './memory.mjs';
import * as signIn from './sign-in.mjs';
import * as newsletter from './newsletter.mjs';
import * as opinions from './opinions.mjs';
import * as opinionsLatency from './opinions-latency.mjs';
import * as reach from './reach.mjs';
import * as registration from './registration.mjs';

// startup comes last: its `npm start` with a full build rewrites dist/, which the other sections
// run from.
export const SECTIONS = [
  sessionPage,
  memory,
  signIn,
  newsletter,
  registration,
  reach,
  opinions,
  opinionsLatency,
  startup,
];
