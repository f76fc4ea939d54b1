/**
 * `/api/recordings/{callId}`: Voicenter ids are letters and digits; Asterisk-style ids add
 * dots. Nothing that could build a path. Pure: the route checks it, the API description
 * states it.
 */
export const CALL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
