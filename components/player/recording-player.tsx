"use client";

import { useTranslations } from "next-intl";
import {
  useEffect,
  useId,
  useImperativeHandle,
  useRef,
  useState,
  type KeyboardEvent,
  type Ref,
} from "react";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

import { PlayerControls } from "./player-controls";
import { clampTime, focusKindOf, shortcutFor, SKIP_SECONDS } from "./player-keys";
import { probeRecording, type RecordingProblem } from "./recording-problem";
import { SeekBar } from "./seek-bar";

export interface RecordingPlayerProps {
  callId: string;
  onPrevious?: () => void;
  onNext?: () => void;
  autoPlay?: boolean;
  /** Whether to offer the download (admins only; the route refuses anyone else). */
  canDownload?: boolean;
  /** The recording played to its end (the review queue moves on). */
  onEnded?: () => void;
  /** For a page's own shortcuts (the review queue's Space): play/pause, whether it plays, focus. */
  handle?: Ref<RecordingPlayerHandle>;
}

export interface RecordingPlayerHandle {
  toggle(): void;
  playing(): boolean;
  /** Focus the player (its keys: Space, the arrows). */
  focus(): void;
}

function recordingSrc(callId: string): string {
  return `/api/recordings/${encodeURIComponent(callId)}`;
}

/**
 * Plays one call's recording through Callboard's own route. The <audio> element stays in
 * the DOM (hidden, without native controls) so its state can be read by tests.
 */
export function RecordingPlayer({
  callId,
  onPrevious,
  onNext,
  autoPlay = false,
  canDownload = true,
  onEnded,
  handle,
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

  // Whether it is meant to play: a recording asked to play is paused until enough of it has
  // loaded, and a page that moves on at once (the review queue's K then R) must see it as
  // playing, or the next one would start paused.
  const meantToPlay = useRef(autoPlay);
  useEffect(() => {
    meantToPlay.current = autoPlay;
  }, [callId, autoPlay]);

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
      meantToPlay.current = true;
      // Refusals (autoplay policy, a source that failed) surface through the error event.
      audio.play().catch(() => undefined);
    } else {
      meantToPlay.current = false;
      audio.pause();
    }
  }

  useImperativeHandle(handle, () => ({
    toggle: togglePlay,
    playing: () => {
      const audio = audioRef.current;
      if (!audio || audio.ended || problem) return false;
      return !audio.paused || meantToPlay.current;
    },
    focus: () => audioRef.current?.closest<HTMLElement>("[data-testid=recording-player]")?.focus(),
  }));

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
    <Card
      as="section"
      aria-label={t("label")}
      aria-describedby={hintId}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="recording-player"
      data-call-id={callId}
      className="flex flex-col gap-2 p-3 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500"
    >
      <audio
        ref={audioRef}
        src={src}
        preload="metadata"
        autoPlay={autoPlay}
        data-testid="recording-audio"
        className="hidden"
        onPlay={() => setPlaying(true)}
        onPause={(e) => {
          // paused from outside (the system's media keys); a new source's reset starts at 0
          if (e.currentTarget.currentTime > 0) meantToPlay.current = false;
          setPlaying(false);
        }}
        onEnded={() => {
          meantToPlay.current = false;
          setPlaying(false);
          onEnded?.();
        }}
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

      <PlayerControls
        playing={playing}
        disabled={disabled}
        loading={(waiting && !problem) || problem === "checking"}
        rate={rate}
        onRate={setRate}
        onToggle={togglePlay}
        onSkip={skip}
        onPrevious={onPrevious}
        onNext={onNext}
        downloadHref={canDownload ? downloadHref : undefined}
      />

      {problem && problem !== "checking" ? (
        <div
          role="alert"
          data-testid="player-error"
          data-problem={problem}
          className="flex flex-wrap items-center gap-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950/50 dark:text-red-200"
        >
          <span>{t(`problems.${problem}`)}</span>
          {problem !== "no-recording" && problem !== "unsupported" ? (
            <Button variant="inherit" size="sm" onClick={retry} className="ms-auto">
              {t("retry")}
            </Button>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}

/** MediaError.MEDIA_ERR_ABORTED: the user (or a new source) stopped the fetch — not a failure. */
const MEDIA_ERR_ABORTED = 1;
