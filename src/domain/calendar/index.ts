/** The school calendar and the time policy: pure functions of days and instants (Europe/Amsterdam). */
export * from './local-time';
export * from './schemas';
export * from './calendar-data';
export * from './school-calendar';
export * from './time-policy';
export * from './dutch-public-holidays';
export * from './calendar-horizon';
