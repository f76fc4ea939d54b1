/**
 * The states of a callback worklist row's work. Pure (the page, the API's bodies and the
 * database schema read the same list). open: still to be called back; done: handled (on the
 * phone, or another way); not_needed: nothing to do (spam, a wrong number, a duplicate).
 */
export const CALLBACK_WORK_STATES = ["open", "done", "not_needed"] as const;
export type CallbackWorkState = (typeof CALLBACK_WORK_STATES)[number];
