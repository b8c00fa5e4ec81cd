/** True only when A and B are the same type, optional fields included. */
export type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Fails `tsc` unless T is `true`: `Assert<Same<z.output<typeof schema>, DomainType>>`. */
export type Assert<T extends true> = T;
