/** Transport icons. Decorative: every button that shows one carries its own accessible name. */

const common = {
  "aria-hidden": true,
  focusable: false,
  viewBox: "0 0 24 24",
  className: "size-5",
  fill: "currentColor",
} as const;

export function PlayIcon() {
  return (
    <svg {...common}>
      <path d="M8 5.14v13.72a1 1 0 0 0 1.52.85l11-6.86a1 1 0 0 0 0-1.7l-11-6.86A1 1 0 0 0 8 5.14Z" />
    </svg>
  );
}

export function PauseIcon() {
  return (
    <svg {...common}>
      <rect x="6" y="5" width="4" height="14" rx="1" />
      <rect x="14" y="5" width="4" height="14" rx="1" />
    </svg>
  );
}

/** A circular arrow with "10" inside: counter-clockwise for back, clockwise for forward. */
export function SkipIcon({ direction }: { direction: "back" | "forward" }) {
  const arrow =
    direction === "back"
      ? "M12 4V1L7 5l5 4V6a7 7 0 1 1-7 7H3a9 9 0 1 0 9-9Z"
      : "M12 4V1l5 4-5 4V6a7 7 0 1 0 7 7h2a9 9 0 1 1-9-9Z";
  return (
    <svg {...common} className="size-6">
      <path d={arrow} />
      <text
        x="12"
        y="16.5"
        textAnchor="middle"
        fontSize="7.5"
        fontWeight="700"
        fontFamily="system-ui, sans-serif"
      >
        10
      </text>
    </svg>
  );
}

export function TrackIcon({ direction }: { direction: "previous" | "next" }) {
  return (
    <svg {...common}>
      {direction === "previous" ? (
        <path d="M6 5h2v14H6zM19 5.6v12.8a.8.8 0 0 1-1.23.67L9.5 12.67a.8.8 0 0 1 0-1.34l8.27-6.4A.8.8 0 0 1 19 5.6Z" />
      ) : (
        <path d="M16 5h2v14h-2zM5 5.6v12.8a.8.8 0 0 0 1.23.67l8.27-6.4a.8.8 0 0 0 0-1.34l-8.27-6.4A.8.8 0 0 0 5 5.6Z" />
      )}
    </svg>
  );
}

export function DownloadIcon() {
  return (
    <svg {...common}>
      <path d="M11 3h2v9.59l3.3-3.3 1.4 1.42L12 16.41l-5.7-5.7 1.4-1.42 3.3 3.3V3Zm-7 15h2v2h12v-2h2v4H4v-4Z" />
    </svg>
  );
}
