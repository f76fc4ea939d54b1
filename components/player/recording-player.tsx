"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

import { DownloadIcon, PauseIcon, PlayIcon, SkipIcon, TrackIcon } from "./player-icons";
import { clampTime, focusKindOf, PLAYBACK_RATES, shortcutFor, SKIP_SECONDS } from "./player-keys";
import { probeRecording, type RecordingProblem } from "./recording-problem";
import { SeekBar } from "./seek-bar";

export interface RecordingPlayerProps {
  callId: string;
  onPrevious?: () => void;
  onNext?: () => void;
  autoPlay?: boolean;
}

function recordingSrc(callId: string): string {
  return `/api/recordings/${encodeURIComponent(callId)}`;
}

const round =
  "inline-flex items-center justify-center rounded-full disabled:cursor-not-allowed disabled:opacity-40 " +
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500";
const button = `${round} size-9 text-slate-700 hover:bg-slate-100 disabled:hover:bg-transparent dark:text-slate-200 dark:hover:bg-slate-800`;
const playButton = `${round} size-11 bg-sky-700 text-white hover:bg-sky-800 dark:bg-sky-500 dark:text-slate-950 dark:hover:bg-sky-400`;

/**
 * Plays one call's recording through Callboard's own route. The <audio> element stays in
 * the DOM (hidden, without native controls) so its state can be read by tests.
 */
export function RecordingPlayer({
  callId,
  onPrevious,
  onNext,
  autoPlay = false,
}: RecordingPlayerProps) {
  const t = useTranslations("player");
  const audioRef = useRef<HTMLAudioElement>(null);
  const probeRef = useRef<AbortController | undefined>(undefined);
  const hintId = useId();
  const src = recordingSrc(callId);

  const [shownCallId, setShownCallId] = useState(callId);
  const [playing, setPlaying] = useState(false);
  const [current, setCurrent] = useState(0);
  const [duration, setDuration] = useState(Number.NaN);
  const [waiting, setWaiting] = useState(false);
  // "checking": the element failed and the route is being asked why.
  const [problem, setProblem] = useState<RecordingProblem | "checking" | undefined>(undefined);
  const [rate, setRate] = useState(1);

  // Another call: start from a clean slate (the speed is kept from one recording to the next).
  if (shownCallId !== callId) {
    setShownCallId(callId);
    setPlaying(false);
    setCurrent(0);
    setDuration(Number.NaN);
    setWaiting(false);
    setProblem(undefined);
  }

  useEffect(() => {
    const audio = audioRef.current;
    if (!audio) return;
    // A new source resets playbackRate to defaultPlaybackRate: set both.
    audio.defaultPlaybackRate = rate;
    audio.playbackRate = rate;
  }, [rate, callId]);

  useEffect(() => () => probeRef.current?.abort(), [callId]);

  // Nothing to seek in when the route could not serve audio; an unplayable format can still be downloaded.
  const disabled = problem !== undefined && problem !== "unsupported";

  function seekTo(seconds: number) {
    const audio = audioRef.current;
    if (!audio) return;
    const target = clampTime(seconds, audio.duration);
    audio.currentTime = target;
    setCurrent(target);
  }

  function skip(seconds: number) {
    seekTo((audioRef.current?.currentTime ?? current) + seconds);
  }

  function togglePlay() {
    const audio = audioRef.current;
    if (!audio) return;
    if (audio.paused) {
      if (problem) return;
      // Refusals (autoplay policy, a source that failed) surface through the error event.
      audio.play().catch(() => undefined);
    } else audio.pause();
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    const shortcut = shortcutFor(event, focusKindOf(event.target));
    if (!shortcut) return;
    event.preventDefault();
    if (shortcut === "toggle") togglePlay();
    else if (!disabled) skip(shortcut === "back" ? -SKIP_SECONDS : SKIP_SECONDS);
  }

  function onMediaError(audio: HTMLAudioElement) {
    const code = audio.error?.code;
    if (code === undefined || code === MEDIA_ERR_ABORTED) return;
    setWaiting(false);
    setProblem("checking");
    probeRef.current?.abort();
    const controller = new AbortController();
    probeRef.current = controller;
    probeRecording(src, code, controller.signal).then(
      (found) => {
        if (!controller.signal.aborted) setProblem(found);
      },
      () => {
        if (!controller.signal.aborted) setProblem("unknown");
      },
    );
  }

  function retry() {
    setProblem(undefined);
    audioRef.current?.load();
  }

  const downloadHref = `${src}?download=1`;

  return (
    <section
      aria-label={t("label")}
      aria-describedby={hintId}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="recording-player"
      data-call-id={callId}
      className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:border-slate-800 dark:bg-slate-900"
    >
      <audio
        ref={audioRef}
        src={src}
        preload="metadata"
        autoPlay={autoPlay}
        data-testid="recording-audio"
        className="hidden"
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => setPlaying(false)}
        onTimeUpdate={(e) => setCurrent(e.currentTarget.currentTime)}
        onDurationChange={(e) => setDuration(e.currentTarget.duration)}
        onLoadedMetadata={(e) => setDuration(e.currentTarget.duration)}
        onWaiting={() => setWaiting(true)}
        onPlaying={() => setWaiting(false)}
        onCanPlay={() => setWaiting(false)}
        onRateChange={(e) => setRate(e.currentTarget.playbackRate)}
        onError={(e) => onMediaError(e.currentTarget)}
      />
      <p id={hintId} className="sr-only">
        {t("shortcuts")}
      </p>

      <SeekBar
        current={current}
        duration={duration}
        disabled={disabled}
        onSeek={seekTo}
        label={t("seek")}
        valueText={(at, length) => t("position", { current: at, duration: length })}
      />

      <div className="flex flex-wrap items-center gap-2">
        <div dir="ltr" className="flex items-center gap-1">
          <IconButton label={t("previous")} onClick={onPrevious} testId="player-previous">
            <TrackIcon direction="previous" />
          </IconButton>
          <IconButton
            label={t("back")}
            onClick={disabled ? undefined : () => skip(-SKIP_SECONDS)}
            testId="player-back"
          >
            <SkipIcon direction="back" />
          </IconButton>
          <button
            type="button"
            onClick={togglePlay}
            disabled={disabled}
            aria-label={playing ? t("pause") : t("play")}
            data-testid="player-play"
            className={playButton}
          >
            {playing ? <PauseIcon /> : <PlayIcon />}
          </button>
          <IconButton
            label={t("forward")}
            onClick={disabled ? undefined : () => skip(SKIP_SECONDS)}
            testId="player-forward"
          >
            <SkipIcon direction="forward" />
          </IconButton>
          <IconButton label={t("next")} onClick={onNext} testId="player-next">
            <TrackIcon direction="next" />
          </IconButton>
        </div>

        {(waiting && !problem) || problem === "checking" ? (
          <span role="status" className="text-xs text-slate-500 dark:text-slate-400">
            {t("loading")}
          </span>
        ) : null}

        <div className="ms-auto flex items-center gap-2">
          <select
            aria-label={t("speed")}
            value={String(rate)}
            onChange={(e) => setRate(Number(e.currentTarget.value))}
            data-testid="player-speed"
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm tabular-nums dark:border-slate-700 dark:bg-slate-900"
          >
            {PLAYBACK_RATES.map((r) => (
              <option key={r} value={String(r)}>
                {t("speedOption", { rate: r })}
              </option>
            ))}
          </select>
          <a
            href={disabled ? undefined : downloadHref}
            download={disabled ? undefined : true}
            aria-label={t("download")}
            aria-disabled={disabled || undefined}
            data-testid="player-download"
            className={`${button} ${disabled ? "cursor-not-allowed opacity-40" : ""}`}
          >
            <DownloadIcon />
          </a>
        </div>
      </div>

      {problem && problem !== "checking" ? (
        <div
          role="alert"
          data-testid="player-error"
          data-problem={problem}
          className="flex flex-wrap items-center gap-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950/50 dark:text-red-200"
        >
          <span>{t(`problems.${problem}`)}</span>
          {problem !== "no-recording" && problem !== "unsupported" ? (
            <button
              type="button"
              onClick={retry}
              className="ms-auto rounded-md border border-red-300 px-2 py-0.5 font-medium hover:bg-red-100 dark:border-red-800 dark:hover:bg-red-900/50"
            >
              {t("retry")}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** MediaError.MEDIA_ERR_ABORTED: the user (or a new source) stopped the fetch — not a failure. */
const MEDIA_ERR_ABORTED = 1;

function IconButton({
  label,
  onClick,
  testId,
  children,
}: {
  label: string;
  onClick: (() => void) | undefined;
  testId: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={!onClick}
      aria-label={label}
      data-testid={testId}
      className={button}
    >
      {children}
    </button>
  );
}
