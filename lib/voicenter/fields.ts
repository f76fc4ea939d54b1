/**
 * The upstream's record fields, written once. Every list of field names in Callboard
 * (the client's `fields` request, the simulator's projection, the table's columns)
 * is derived from this catalogue.
 */

export type FieldKind =
  "string" | "number" | "boolean" | "datetime" | "epoch" | "json-array" | "json-object";

export interface FieldInfo {
  kind: FieldKind;
  meaning: string;
  example: string;
}

export const FIELDS = {
  CallerNumber: {
    kind: "string",
    meaning: "Number of the caller, as the callee saw it",
    example: '"0722776772"',
  },
  TargetNumber: {
    kind: "string",
    meaning:
      "Number called, or a Voicenter extension id; phone numbers carry the international prefix",
    example: '"972722776772"',
  },
  Date: {
    kind: "datetime",
    meaning: "When the call happened (the upstream speaks GMT+0)",
    example: '"2021-10-10T09:04:58Z"',
  },
  DateEpoch: {
    kind: "epoch",
    meaning: "When the call happened, as Unix epoch seconds",
    example: "1554027973",
  },
  Duration: {
    kind: "number",
    meaning: "Talk time in seconds; ringing is not included",
    example: "33",
  },
  CallID: {
    kind: "string",
    meaning: "Unique id of the call",
    example: '"20200720095ilila137b2f69s"',
  },
  Type: { kind: "string", meaning: "Call type name", example: '"Incoming Call"' },
  CdrType: { kind: "number", meaning: "Call type number", example: "4" },
  DialStatus: {
    kind: "string",
    meaning: "How the call ended; for two-leg calls it describes the first leg only",
    example: '"ANSWER"',
  },
  TargetExtension: {
    kind: "string",
    meaning: "Extension that received an incoming call (may equal TargetNumber)",
    example: '"AAPINFzL"',
  },
  CallerExtension: {
    kind: "string",
    meaning: "Extension that placed an outgoing call",
    example: '"AAPIUtdL"',
  },
  DID: {
    kind: "string",
    meaning: "The number dialled, for incoming calls",
    example: '"0722776772"',
  },
  QueueName: {
    kind: "string",
    meaning: "Queue the call passed through",
    example: '"Service Queue"',
  },
  RecordURL: {
    kind: "string",
    meaning: "Link to the call recording (never handed to the browser raw)",
    example: '"https://cpanel.voicenter.co.il/CallsHistory/PlayRecord/123abc.mp3"',
  },
  RecordExpect: { kind: "boolean", meaning: "Whether the call was recorded", example: "true" },
  RingTime: { kind: "number", meaning: "Ringing time in seconds", example: "23" },
  Price: { kind: "number", meaning: "Price in agorot (1/100 ILS)", example: "7" },
  RepresentativeName: {
    kind: "string",
    meaning: "Agent logged in who made or answered the call (only if logged in)",
    example: '"Walter Melon"',
  },
  RepresentativeCode: {
    kind: "string",
    meaning: "That agent's employee code",
    example: '"19996"',
  },
  UserName: {
    kind: "string",
    meaning: "The agent if logged in to the extension, else the user linked to the call or number",
    example: '"Walter Melon"',
  },
  DepartmentName: {
    kind: "string",
    meaning: "Account (department) the call belongs to",
    example: '"Voicenter Account"',
  },
  DepartmentId: { kind: "number", meaning: "Account (department) id", example: "123456" },
  TargetPrefixName: {
    kind: "string",
    meaning: "Destination country of an outgoing call",
    example: '"Israel"',
  },
  DTMFData: {
    kind: "json-array",
    meaning: "Path of an incoming call through the IVR: {LayerName, DTMF, LayerNumber} steps",
    example: '[{"LayerName":"Main Menu","DTMF":2,"LayerNumber":"0"}]',
  },
  CustomData: {
    kind: "json-object",
    meaning: "Custom data sent to Voicenter; OriginalIvrUniqueID links the legs of one call",
    example: '{"OriginalIvrUniqueID":"2020072118102assdsdas"}',
  },
} as const satisfies Record<string, FieldInfo>;

export type FieldName = keyof typeof FIELDS;

export const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

const byLowerCase = new Map<string, FieldName>(
  FIELD_NAMES.map((name) => [name.toLowerCase(), name]),
);

/** The documented spelling of a field name written in any casing, or undefined. */
export function canonicalFieldName(name: string): FieldName | undefined {
  return byLowerCase.get(name.trim().toLowerCase());
}
