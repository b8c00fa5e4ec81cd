/**
 * # Dutch school holidays and public holidays — the default school calendar
 *
 * ## Source
 * - School holidays per holiday region (noord / midden / zuid): Rijksoverheid,
 *   "Schoolvakanties 2025-2026" and "Schoolvakanties 2026-2027"
 *   (https://www.rijksoverheid.nl/onderwerpen/schoolvakanties/overzicht-schoolvakanties-per-schooljaar,
 *   also published as open data: opendata.rijksoverheid.nl, infotype `schoolholidays`).
 * - Public holidays: the Dutch national holidays (Algemene termijnenwet) that can fall on a school
 *   day, computed for any year in `dutch-public-holidays.ts`; the movable ones follow from Easter
 *   Sunday (5 April 2026, 28 March 2027, 16 April 2028).
 *
 * ## What the dates mean
 * - Only the **zomervakantie** (summer holiday) is compulsory for every school in its region
 *   (`compulsory: true`). Everything else is the ministry's **advice**: schools shift the herfst-
 *   and voorjaarsvakantie by a week (in the south often to match carnaval), many take two weeks in
 *   May instead of the advised one, and each school adds its own study days. (Secondary schools are
 *   also held to the kerst- and the advised meivakantie week; this product treats those as advice
 *   too, because a school's own dates in the directory always win.)
 * - Ranges run from the first Saturday to the last Sunday, both included, as the Rijksoverheid
 *   lists them.
 * - **Goede Vrijdag** is not a day off by law, but most schools are closed: `kind: 'advice'`, so a
 *   school that is open can force it back with `schoolDays` in the directory.
 * - **Bevrijdingsdag** (5 May) is a day off for schools only in lustrum years (2025, 2030, …).
 *   2025 was one (80 years of liberation) and 2030 is the next; 5 May 2026 and 2027 are *not* days off by
 *   default — most schools take them off anyway, inside a two-week meivakantie or as a study day;
 *   add those through the school's `daysOff`/`holidays`.
 * - The Friday after Hemelvaartsdag is not listed: it is a common *school* choice, not advice.
 *
 * ## How to add a school year (e.g. 2027-2028)
 * 1. Copy the five holidays for the new school year from rijksoverheid.nl ("Schoolvakanties
 *    2027-2028"), one entry per holiday with the regions that share its dates; every region must
 *    get each of the five holidays exactly once (the loader checks this).
 * 2. Nothing to do for the public holidays: they are computed from the year (Nieuwjaarsdag, Goede
 *    Vrijdag as advice, Tweede Paasdag, Koningsdag — 26 April when the 27th is a Sunday —,
 *    Bevrijdingsdag only in a lustrum year, Hemelvaartsdag, Tweede Pinksterdag, Kerstdagen).
 * 3. Move `coverage.to` to the last day of the new summer holiday (the latest region).
 * 4. From 120 days before `coverage.to` the service reports not ready on `/readyz` and logs an
 *    error each hour, so this step is not forgotten.
 * 5. Run `npx jest test/unit/domain/calendar`: the data is validated with zod when this module is
 *    first loaded, so a malformed entry stops the process at start-up rather than misplanning.
 *
 * (This file sits beside the code rather than in a `data/` folder because the repository's
 * .gitignore ignores every directory named `data/`, the runtime store's among them.)
 */

/** The raw data; `calendar-data.ts` validates it with zod at load. */
export const NL_SCHOOL_CALENDAR_SOURCE = {
  source: 'rijksoverheid.nl — "Schoolvakanties 2025-2026" and "Schoolvakanties 2026-2027"',
  /**
   * The days this data describes completely: from the first day after the summer holiday 2025
   * ended in every region (midden was last, until 31 August 2025) to the last day of the summer
   * holiday 2027 (zuid, 5 September 2027). Outside it only weekends, the listed public holidays and
   * a school's own days count.
   */
  coverage: { from: '2025-09-01', to: '2027-09-05' },
  schoolYears: [
    {
      schoolYear: '2025-2026',
      holidays: [
        { name: 'herfstvakantie', regions: ['noord', 'midden'], from: '2025-10-18', to: '2025-10-26' },
        { name: 'herfstvakantie', regions: ['zuid'], from: '2025-10-11', to: '2025-10-19' },
        { name: 'kerstvakantie', regions: ['noord', 'midden', 'zuid'], from: '2025-12-20', to: '2026-01-04' },
        { name: 'voorjaarsvakantie', regions: ['noord'], from: '2026-02-21', to: '2026-03-01' },
        { name: 'voorjaarsvakantie', regions: ['midden', 'zuid'], from: '2026-02-14', to: '2026-02-22' },
        { name: 'meivakantie', regions: ['noord', 'midden', 'zuid'], from: '2026-04-25', to: '2026-05-03' },
        { name: 'zomervakantie', regions: ['noord'], from: '2026-07-04', to: '2026-08-16', compulsory: true },
        { name: 'zomervakantie', regions: ['midden'], from: '2026-07-18', to: '2026-08-30', compulsory: true },
        { name: 'zomervakantie', regions: ['zuid'], from: '2026-07-11', to: '2026-08-23', compulsory: true },
      ],
    },
    {
      schoolYear: '2026-2027',
      holidays: [
        { name: 'herfstvakantie', regions: ['noord'], from: '2026-10-10', to: '2026-10-18' },
        { name: 'herfstvakantie', regions: ['midden', 'zuid'], from: '2026-10-17', to: '2026-10-25' },
        { name: 'kerstvakantie', regions: ['noord', 'midden', 'zuid'], from: '2026-12-19', to: '2027-01-03' },
        { name: 'voorjaarsvakantie', regions: ['noord', 'midden'], from: '2027-02-20', to: '2027-02-28' },
        { name: 'voorjaarsvakantie', regions: ['zuid'], from: '2027-02-13', to: '2027-02-21' },
        { name: 'meivakantie', regions: ['noord', 'midden', 'zuid'], from: '2027-04-24', to: '2027-05-02' },
        { name: 'zomervakantie', regions: ['noord'], from: '2027-07-10', to: '2027-08-22', compulsory: true },
        { name: 'zomervakantie', regions: ['midden'], from: '2027-07-17', to: '2027-08-29', compulsory: true },
        { name: 'zomervakantie', regions: ['zuid'], from: '2027-07-24', to: '2027-09-05', compulsory: true },
      ],
    },
  ],
  /**
   * Extra days off for every school in the country, beside the public holidays computed per year
   * in `dutch-public-holidays.ts` (Easter and the feasts that follow it, Koningsdag, lustrum
   * Bevrijdingsdag, …). None today.
   */
  publicHolidays: [],
} as const;
