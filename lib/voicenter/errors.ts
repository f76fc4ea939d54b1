/** The upstream's ERROR_NUMBER values, written once. */

export const UPSTREAM_ERRORS = {
  0: { description: "OK", status: 200 },
  1: { description: "Request limit exceeded. Please try again later.", status: 403 },
  2: { description: "Authorization failed.", status: 403 },
  4: { description: "IP address xx.xx.xx.xx is not trusted.", status: 403 },
  5: { description: "Out of range", status: 404 },
} as const;

export type UpstreamErrorNumber = keyof typeof UPSTREAM_ERRORS;

export const ERROR_RATE_LIMITED = 1;
export const ERROR_AUTHORIZATION = 2;
export const ERROR_UNTRUSTED_IP = 4;
export const ERROR_OUT_OF_RANGE = 5;
