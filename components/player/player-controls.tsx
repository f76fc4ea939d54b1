"use client";

import { useTranslations } from "next-intl";

import { Button, buttonClass } from "@/components/ui/button";
import { Select } from "@/components/ui/select";

import { IconButton } from "./icon-button";
import { DownloadIcon, PauseIcon, PlayIcon, SkipIcon, TrackIcon } from "./player-icons";
import { PLAYBACK_RATES, SKIP_SECONDS } from "./player-keys";

/**
 * The player's row of controls: previous, back, play/pause, forward, next (left to right in
 * either language, as media controls are), a loading note, the speed and the download.
 */
export function PlayerControls({
  playing,
  disabled,
  loading,
  rate,
  onRate,
  onToggle,
  onSkip,
  onPrevious,
  onNext,
  downloadHref,
}: {
  playing: boolean;
  disabled: boolean;
  loading: boolean;
  rate: number;
  onRate: (rate: number) => void;
  onToggle: () => void;
  onSkip: (seconds: number) => void;
  onPrevious?: () => void;
  onNext?: () => void;
  /** Undefined: no download offered (admins only). */
  downloadHref?: string;
}) {
  const t = useTranslations("player");
  return (
    <div className="flex flex-wrap items-center gap-2">
      <div dir="ltr" className="flex items-center gap-1">
        <IconButton label={t("previous")} onClick={onPrevious} testId="player-previous">
          <TrackIcon direction="previous" />
        </IconButton>
        <IconButton
          label={t("back")}
          onClick={disabled ? undefined : () => onSkip(-SKIP_SECONDS)}
          testId="player-back"
        >
          <SkipIcon direction="back" />
        </IconButton>
        <Button
          variant="primary"
          size="icon-lg"
          onClick={onToggle}
          disabled={disabled}
          aria-label={playing ? t("pause") : t("play")}
          data-testid="player-play"
        >
          {playing ? <PauseIcon /> : <PlayIcon />}
        </Button>
        <IconButton
          label={t("forward")}
          onClick={disabled ? undefined : () => onSkip(SKIP_SECONDS)}
          testId="player-forward"
        >
          <SkipIcon direction="forward" />
        </IconButton>
        <IconButton label={t("next")} onClick={onNext} testId="player-next">
          <TrackIcon direction="next" />
        </IconButton>
      </div>

      {loading ? (
        <span role="status" className="text-xs text-slate-500 dark:text-slate-400">
          {t("loading")}
        </span>
      ) : null}

      <div className="ms-auto flex items-center gap-2">
        <Select
          aria-label={t("speed")}
          value={String(rate)}
          onChange={(e) => onRate(Number(e.currentTarget.value))}
          data-testid="player-speed"
          className="tabular-nums"
        >
          {PLAYBACK_RATES.map((r) => (
            <option key={r} value={String(r)}>
              {t("speedOption", { rate: r })}
            </option>
          ))}
        </Select>
        {downloadHref ? (
          <a
            href={disabled ? undefined : downloadHref}
            download={disabled ? undefined : true}
            aria-label={t("download")}
            aria-disabled={disabled || undefined}
            data-testid="player-download"
            className={buttonClass({
              variant: "ghost",
              size: "icon",
              className: disabled ? "cursor-not-allowed opacity-40" : undefined,
            })}
          >
            <DownloadIcon />
          </a>
        ) : null}
      </div>
    </div>
  );
}
