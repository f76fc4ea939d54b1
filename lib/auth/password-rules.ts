/** Local users' passwords: long enough to resist guessing, short enough to type. Pure. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;
