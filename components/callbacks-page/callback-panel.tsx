"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { CallbackRow } from "@/lib/analytics/callbacks";
import { MAX_NOTE_LENGTH, type CallbackAssignee, type CallbackWork } from "@/lib/api/callbacks";
import type { CallbackWorkState } from "@/lib/callbacks/work-states";
import { rowRef } from "@/lib/callbacks/worklist";
import { formatDuration } from "@/lib/format/duration";

import type { useCallbackWork } from "./use-callback-work";
import { useWorklistCells } from "./worklist-cells";

type WorkApi = ReturnType<typeof useCallbackWork>;

interface CallbackPanelProps {
  row: CallbackRow;
  work: CallbackWork | undefined;
  api: WorkApi;
  timeZone: string;
  onClose: () => void;
}

const UNASSIGNED = "";

/** Who the row may be given to: nobody, me, and the users who work callbacks (and whoever has it). */
function assigneeOptions(
  me: CallbackAssignee | undefined,
  users: readonly CallbackAssignee[],
  current: CallbackAssignee | null | undefined,
): CallbackAssignee[] {
  const options = users.filter((u) => u.id !== me?.id);
  if (current && current.id !== me?.id && !options.some((u) => u.id === current.id))
    options.unshift(current);
  return options;
}

/**
 * The selected row's work: what happened (attempts, misses, how it closed), the assignee,
 * done / not needed / reopen, and its notes with a form to add one. Every change goes to
 * the server, which audits it; a refusal is shown with its sentence.
 */
export function CallbackPanel({ row, work, api, timeZone, onClose }: CallbackPanelProps) {
  const t = useTranslations("callbacks.panel");
  const tc = useTranslations("callbacks");
  const cells = useWorklistCells(timeZone);
  const [text, setText] = useState("");
  const noteId = useId();
  const number = cells.number(row);
  const me = api.assignees.data?.me;
  const options = assigneeOptions(me, api.assignees.data?.users ?? [], work?.assignee);
  const pending = api.change.isPending || api.note.isPending;
  const refusal = api.change.error ?? api.note.error;

  const setState = (state: CallbackWorkState) => api.change.mutate({ ...rowRef(row), state });
  const assign = (value: string) =>
    api.change.mutate({
      ...rowRef(row),
      assignee: value === UNASSIGNED ? null : value === me?.id ? "me" : value,
    });
  const addNote = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    api.note.mutate({ ...rowRef(row), text }, { onSuccess: () => setText("") });
  };
  const state = cells.stateOf(row);

  return (
    <Card
      as="section"
      id="callback-panel"
      aria-label={t("label", { number })}
      className="flex flex-col gap-4 p-4"
      data-testid="callback-panel"
      data-state={state}
      data-row-key={row.key}
    >
      <header className="flex items-start justify-between gap-2">
        <div>
          <h3 className="text-base font-semibold">
            <bdi dir="ltr">{number}</bdi>
          </h3>
          <div className="mt-1">{cells.state(row)}</div>
        </div>
        <Button size="sm" variant="ghost" onClick={onClose}>
          {t("close")}
        </Button>
      </header>

      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600 dark:text-slate-400">{t("facts.attempts")}</dt>
        <dd className="tabular-nums">{row.attempts}</dd>
        <dt className="text-slate-600 dark:text-slate-400">{t("facts.firstMissed")}</dt>
        <dd>
          {cells.time(row.firstMissedAt)}
          {row.carried ? ` · ${tc("carried")}` : ""}
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">{t("facts.lastMissed")}</dt>
        <dd>{cells.time(row.lastMissedAt)}</dd>
        {row.waitingSeconds !== null ? (
          <>
            <dt className="text-slate-600 dark:text-slate-400">{t("facts.waiting")}</dt>
            <dd>{formatDuration(row.waitingSeconds)}</dd>
          </>
        ) : null}
        {row.reachedAt !== null ? (
          <>
            <dt className="text-slate-600 dark:text-slate-400">{t("facts.reached")}</dt>
            <dd data-testid="panel-reached">
              {cells.reachedBy(row)}:{" "}
              {t("reachedAt", {
                when: cells.time(row.reachedAt),
                duration: formatDuration(row.callbackSeconds ?? 0),
              })}
            </dd>
          </>
        ) : null}
        {row.status === "closed" && work?.stateAt ? (
          <>
            <dt className="text-slate-600 dark:text-slate-400">{t("facts.closed")}</dt>
            <dd>
              {t("closedBy", {
                state: tc(`state.${state}`),
                who: work.stateBy ?? "",
                when: cells.time(Date.parse(work.stateAt)),
              })}
            </dd>
          </>
        ) : null}
        <dt className="text-slate-600 dark:text-slate-400">{t("facts.queue")}</dt>
        <dd>{row.queue ?? tc("nobody")}</dd>
        <dt className="text-slate-600 dark:text-slate-400">{t("facts.did")}</dt>
        <dd>
          <bdi dir="ltr">{row.did ?? tc("nobody")}</bdi>
        </dd>
      </dl>

      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={`${noteId}-assignee`} className="font-medium">
          {t("assignee")}
        </label>
        <Select
          id={`${noteId}-assignee`}
          value={work?.assignee?.id ?? UNASSIGNED}
          disabled={pending || !api.assignees.data}
          onChange={(event) => assign(event.target.value)}
          data-testid="panel-assignee"
        >
          <option value={UNASSIGNED}>{t("unassigned")}</option>
          {me ? <option value={me.id}>{t("me", { label: me.label })}</option> : null}
          {options.map((user) => (
            <option key={user.id} value={user.id}>
              {user.label}
            </option>
          ))}
        </Select>
        {work?.assignee && work.assignedAt ? (
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {t("assignedBy", {
              who: work.assignedBy ?? "",
              when: cells.time(Date.parse(work.assignedAt)),
            })}
          </p>
        ) : null}
      </div>

      <div className="flex flex-wrap gap-2">
        {row.status === "closed" ? (
          <Button size="sm" disabled={pending} onClick={() => setState("open")}>
            {t("reopen")}
          </Button>
        ) : row.status === "open" ? (
          <>
            <Button size="sm" variant="primary" disabled={pending} onClick={() => setState("done")}>
              {t("markDone")}
            </Button>
            <Button size="sm" disabled={pending} onClick={() => setState("not_needed")}>
              {t("markNotNeeded")}
            </Button>
          </>
        ) : (
          <p className="text-xs text-slate-600 dark:text-slate-400">{t("reachedKept")}</p>
        )}
      </div>

      <section aria-labelledby={`${noteId}-notes`} className="flex flex-col gap-2">
        <h4 id={`${noteId}-notes`} className="text-sm font-semibold">
          {t("notesTitle")}
        </h4>
        {work?.notes.length ? (
          <ol className="flex flex-col gap-2 text-sm" data-testid="panel-notes">
            {work.notes.map((note) => (
              <li key={note.id} className="rounded-md bg-slate-50 px-2 py-1.5 dark:bg-slate-800">
                <p className="whitespace-pre-wrap">{note.text}</p>
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  {t("noteBy", { who: note.by, when: cells.time(Date.parse(note.at)) })}
                </p>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("noNotes")}</p>
        )}
        <form onSubmit={addNote} className="flex flex-col gap-1.5">
          <label htmlFor={`${noteId}-note`} className="text-sm font-medium">
            {t("noteLabel")}
          </label>
          <Textarea
            id={`${noteId}-note`}
            rows={3}
            maxLength={MAX_NOTE_LENGTH}
            placeholder={t("notePlaceholder")}
            value={text}
            onChange={(event) => setText(event.target.value)}
            data-testid="panel-note-input"
          />
          <Button type="submit" size="sm" className="self-start" disabled={pending || !text.trim()}>
            {t("addNote")}
          </Button>
        </form>
      </section>
      <p aria-live="polite" className="text-sm" data-testid="panel-status">
        {pending ? (
          t("saving")
        ) : refusal ? (
          <span role="alert" className="text-red-700 dark:text-red-400">
            {t("refused", { message: refusal.message })}
          </span>
        ) : null}
      </p>
    </Card>
  );
}
