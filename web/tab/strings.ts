/** The tab's texts in Dutch and English; Teams' locale picks one. */
export type Locale = 'nl' | 'en';

const nl = {
  title: 'Handle with Care',
  loading: 'Laden…',
  outsideTeams: 'Deze pagina werkt alleen in Microsoft Teams. Open de app Handle with Care in Teams en kies het tabblad Beheer of Overzicht.',
  signInFailed: 'Aanmelden is niet gelukt. Sluit het tabblad en open het opnieuw; blijft dit zo, neem dan contact op met de beheerder.',
  loadFailed: 'De gegevens konden niet worden geladen. Probeer het later opnieuw.',
  noRole:
    'Je hebt in Handle with Care geen rol die hier iets laat zien. Beheerders zien hier de adresgegevens van gemeenten, scholen en contactpersonen; managers en coördinatoren de weekcijfers. Denk je dat je een rol hoort te hebben, vraag het dan aan de functioneel beheerder van je gemeente.',
  pages: { directory: 'Beheer', figures: 'Overzicht' },
  nav: 'Pagina’s',
  directory: {
    heading: 'Adresboek',
    readOnly: 'Het adresboek wordt uit een bestand gelezen (HWC_DIRECTORY_FILE): hier kun je het alleen bekijken.',
    search: 'Zoeken',
    searchHint: 'Naam, BRIN-code, gemeente of e-mail',
    municipalities: 'Gemeenten',
    schools: 'Scholen',
    members: 'Personen',
    cols: { id: 'Code', name: 'Naam', routing: 'Route', municipality: 'Gemeente', email: 'E-mail', roles: 'Rollen', reachable: 'Bereikbaar' },
    routing: { direct: 'direct naar school', leerplicht: 'via leerplicht' },
    reachable: 'ja',
    notYetReachable: 'nog niet bereikbaar',
    none: 'Niets gevonden.',
    count: (shown: number, total: number) => `${shown} van ${total}`,
  },
  roles: {
    vt_worker: 'Veilig Thuis-medewerker',
    school_contact: 'contactpersoon school',
    leerplicht: 'leerplichtambtenaar',
    coordinator: 'coördinator',
    manager: 'manager',
    admin: 'beheerder',
  } as Record<string, string>,
  figures: {
    heading: (week: string, scope: string) => `Overzicht ${week} — ${scope}`,
    issued: 'Signalen',
    viaLeerplicht: 'Via leerplicht',
    delivered: 'Bezorgd',
    openNow: 'Nu nog open',
    ack24: 'Gezien binnen 24 uur',
    support48: 'Steun vastgelegd binnen 48 uur',
    median: 'Mediane tijd tot gezien',
    minutes: (m: number) => `${m} min`,
    noValue: '—',
    trend: 'Steun binnen 48 uur, 52 weken',
    trendChart: (from: string, to: string) => `Staafdiagram: percentage signalen met steun binnen 48 uur per week, ${from} tot en met ${to}. Dezelfde cijfers staan in de tabel.`,
    trendTable: 'Steun binnen 48 uur per week',
    week: 'Week',
    percent: 'Percentage',
    share: 'Aantal',
    shareOf: (n: number, d: number) => `${n} van ${d}`,
    noSignals: 'geen signalen',
    schools: 'Per school',
    schoolCols: { name: 'School', issued: 'Signalen', acknowledged: 'Gezien', supportedWithin48h: 'Steun ≤ 48 uur', bounced: 'Teruggestuurd' },
    smallNote: (t: number) => `Aantallen van 1 tot en met ${t - 1} staan als “<${t}”, en “•” verbergt een aantal waaruit een klein aantal terug te rekenen is: zo is geen kind te herkennen.`,
    noSchools: 'Geen signalen per school in deze week.',
  },
};

export type Strings = typeof nl;

const en: Strings = {
  title: 'Handle with Care',
  loading: 'Loading…',
  outsideTeams: 'This page only works in Microsoft Teams. Open the Handle with Care app in Teams and choose the Admin or Overview tab.',
  signInFailed: 'Signing in did not work. Close the tab and open it again; if this persists, contact your administrator.',
  loadFailed: 'The data could not be loaded. Please try again later.',
  noRole:
    'You have no role in Handle with Care that shows anything here. Administrators see the directory of municipalities, schools and contacts here; managers and coordinators see the weekly figures. If you think you should have a role, ask your municipality’s application administrator.',
  pages: { directory: 'Admin', figures: 'Overview' },
  nav: 'Pages',
  directory: {
    heading: 'Directory',
    readOnly: 'The directory is read from a file (HWC_DIRECTORY_FILE): here you can only view it.',
    search: 'Search',
    searchHint: 'Name, BRIN code, municipality or e-mail',
    municipalities: 'Municipalities',
    schools: 'Schools',
    members: 'People',
    cols: { id: 'Code', name: 'Name', routing: 'Route', municipality: 'Municipality', email: 'E-mail', roles: 'Roles', reachable: 'Reachable' },
    routing: { direct: 'straight to school', leerplicht: 'via leerplicht' },
    reachable: 'yes',
    notYetReachable: 'not yet reachable',
    none: 'Nothing found.',
    count: (shown: number, total: number) => `${shown} of ${total}`,
  },
  roles: {
    vt_worker: 'Veilig Thuis worker',
    school_contact: 'school contact',
    leerplicht: 'attendance officer',
    coordinator: 'coordinator',
    manager: 'manager',
    admin: 'administrator',
  },
  figures: {
    heading: (week: string, scope: string) => `Overview ${week} — ${scope}`,
    issued: 'Signals',
    viaLeerplicht: 'Via leerplicht',
    delivered: 'Delivered',
    openNow: 'Still open',
    ack24: 'Seen within 24 hours',
    support48: 'Support recorded within 48 hours',
    median: 'Median time to seen',
    minutes: (m: number) => `${m} min`,
    noValue: '—',
    trend: 'Support within 48 hours, 52 weeks',
    trendChart: (from: string, to: string) => `Bar chart: share of signals with support within 48 hours per week, ${from} to ${to}. The table shows the same numbers.`,
    trendTable: 'Support within 48 hours per week',
    week: 'Week',
    percent: 'Percentage',
    share: 'Count',
    shareOf: (n: number, d: number) => `${n} of ${d}`,
    noSignals: 'no signals',
    schools: 'Per school',
    schoolCols: { name: 'School', issued: 'Signals', acknowledged: 'Seen', supportedWithin48h: 'Support ≤ 48 h', bounced: 'Sent back' },
    smallNote: (t: number) => `Counts from 1 to ${t - 1} show as “<${t}”, and “•” hides a count from which a small one could be worked out: so no child can be recognised.`,
    noSchools: 'No signals per school this week.',
  },
};

export function stringsFor(locale: Locale): Strings {
  return locale === 'en' ? en : nl;
}

/** Teams gives e.g. "nl-nl" or "en-us": English for English, Dutch for everything else. */
export function localeOf(teamsLocale: string | undefined): Locale {
  return (teamsLocale ?? '').toLowerCase().startsWith('en') ? 'en' : 'nl';
}
