"use client";

import { useRef, useState } from "react";

import { formatTime } from "./player-keys";

export interface SeekBarProps {
  current: number;
  duration: number;
  disabled: boolean;
  onSeek: (seconds: number) => void;
  label: string;
  valueText: (current: string, duration: string) => string;
}

/**
 * Position and length around a range input. Dragging moves only the thumb and the time
 * shown; the seek happens once, on release, rather than fetching a new byte range for every
 * pixel dragged. Keys (Home, End, Page Up/Down) seek at once.
 */
export function SeekBar({ current, duration, disabled, onSeek, label, valueText }: SeekBarProps) {
  const scrubRef = useRef<number | undefined>(undefined);
  const [scrub, setScrub] = useState<number | undefined>(undefined);
  const known = Number.isFinite(duration) && duration > 0;
  const shown = scrub ?? current;

  function startScrub() {
    scrubRef.current = current;
    const commit = () => {
      window.removeEventListener("pointerup", commit);
      window.removeEventListener("pointercancel", commit);
      const target = scrubRef.current;
      scrubRef.current = undefined;
      setScrub(undefined);
      if (target !== undefined) onSeek(target);
    };
    window.addEventListener("pointerup", commit);
    window.addEventListener("pointercancel", commit);
  }

  function onInput(value: number) {
    if (scrubRef.current === undefined) onSeek(value);
    else {
      scrubRef.current = value;
      setScrub(value);
    }
  }

  return (
    // The timeline runs left to right in every language, as media timelines do; the arrow keys agree.
    <div
      dir="ltr"
      className="flex items-center gap-2 text-xs tabular-nums text-slate-600 dark:text-slate-300"
    >
      <span data-testid="player-current" className="min-w-10 text-end">
        {formatTime(shown)}
      </span>
      <input
        type="range"
        min={0}
        max={known ? duration : 0}
        step="any"
        value={known ? Math.min(shown, duration) : 0}
        disabled={!known || disabled}
        aria-label={label}
        aria-valuetext={valueText(formatTime(shown), formatTime(duration))}
        onPointerDown={startScrub}
        onChange={(e) => onInput(Number(e.currentTarget.value))}
        data-testid="player-seek"
        className="h-2 flex-1 cursor-pointer accent-sky-600 disabled:cursor-not-allowed dark:accent-sky-400"
      />
      <span data-testid="player-duration" className="min-w-10">
        {formatTime(duration)}
      </span>
    </div>
  );
}
