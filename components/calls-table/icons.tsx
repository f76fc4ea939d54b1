/** Inline icons (no icon library in the bundle); decorative unless given a label. */

interface IconProps {
  className?: string;
}

export function RecordingIcon({ className }: IconProps) {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className={className}>
      <path d="M10 2.5a2.75 2.75 0 0 0-2.75 2.75v4.5a2.75 2.75 0 1 0 5.5 0v-4.5A2.75 2.75 0 0 0 10 2.5Z" />
      <path d="M5.25 9.25a.75.75 0 0 0-1.5 0 6.25 6.25 0 0 0 5.5 6.2v1.3h-2a.75.75 0 0 0 0 1.5h5.5a.75.75 0 0 0 0-1.5h-2v-1.3a6.25 6.25 0 0 0 5.5-6.2.75.75 0 0 0-1.5 0 4.75 4.75 0 0 1-9.5 0Z" />
    </svg>
  );
}

export function SortIcon({
  direction,
  className,
}: IconProps & { direction: "asc" | "desc" | false }) {
  return (
    <svg viewBox="0 0 12 12" fill="currentColor" aria-hidden="true" className={className}>
      {direction !== "desc" && <path d="M6 2 9.5 6h-7Z" opacity={direction === "asc" ? 1 : 0.35} />}
      {direction !== "asc" && <path d="M6 10 2.5 6h7Z" opacity={direction === "desc" ? 1 : 0.35} />}
    </svg>
  );
}

export function ColumnsIcon({ className }: IconProps) {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className={className}>
      <path d="M3 4.75A1.75 1.75 0 0 1 4.75 3h10.5A1.75 1.75 0 0 1 17 4.75v10.5A1.75 1.75 0 0 1 15.25 17H4.75A1.75 1.75 0 0 1 3 15.25V4.75Zm1.5 0v10.5c0 .14.11.25.25.25H7.5v-11H4.75a.25.25 0 0 0-.25.25Zm4.5 10.75h2v-11H9v11Zm3.5 0h2.75a.25.25 0 0 0 .25-.25V4.75a.25.25 0 0 0-.25-.25H12.5v11Z" />
    </svg>
  );
}

export function DownloadIcon({ className }: IconProps) {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className={className}>
      <path d="M10.75 2.75a.75.75 0 0 0-1.5 0v8.69L6.53 8.72a.75.75 0 0 0-1.06 1.06l4 4a.75.75 0 0 0 1.06 0l4-4a.75.75 0 1 0-1.06-1.06l-2.72 2.72V2.75Z" />
      <path d="M3.5 12.75a.75.75 0 0 0-1.5 0v2.5A2.75 2.75 0 0 0 4.75 18h10.5A2.75 2.75 0 0 0 18 15.25v-2.5a.75.75 0 0 0-1.5 0v2.5c0 .69-.56 1.25-1.25 1.25H4.75c-.69 0-1.25-.56-1.25-1.25v-2.5Z" />
    </svg>
  );
}
