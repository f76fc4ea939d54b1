"use client";

import { useEffect, useRef, type KeyboardEvent, type RefObject } from "react";

const ITEMS = '[role="menuitem"]:not([aria-disabled="true"])';

function items(menu: HTMLElement | null): HTMLElement[] {
  return menu ? [...menu.querySelectorAll<HTMLElement>(ITEMS)] : [];
}

/**
 * A menu button's keyboard, as the WAI-ARIA menu pattern has it: the menu opens on the first
 * item (ArrowUp: the last); ArrowDown/ArrowUp move and wrap, Home/End jump, a letter moves to
 * the next item starting with it, Escape closes back to the button, Tab closes and moves on.
 * Items are focused one at a time (tabindex -1); disabled ones are passed over. A menu opened
 * before its items have loaded (`ready` false) moves to its starting item again once they have,
 * unless focus has been moved inside it meanwhile.
 */
export function useMenuKeys(options: {
  open: boolean;
  /** Where focus goes when the menu opens. */
  start: "first" | "last";
  /** False while the items are still loading: the start is placed again when they arrive. */
  ready: boolean;
  menu: RefObject<HTMLElement | null>;
  button: RefObject<HTMLElement | null>;
  close: () => void;
}) {
  const { open, start, ready, menu, button, close } = options;
  // the item the opening focused: while focus is still there, a load may move it to the start
  const placed = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (!open) {
      placed.current = null;
      return;
    }
    const active = document.activeElement;
    const moved = placed.current !== null && active !== placed.current;
    if (moved && menu.current?.contains(active)) return;
    const list = items(menu.current);
    const target = (start === "first" ? list[0] : list.at(-1)) ?? null;
    target?.focus();
    placed.current = target;
  }, [open, start, ready, menu]);

  // a pointer outside closes it, as a click elsewhere closes a native menu
  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) close();
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open, menu, button, close]);

  // attached to the menu itself, so its items are the event's current target's
  return (event: KeyboardEvent<HTMLElement>) => {
    const list = items(event.currentTarget);
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (index: number) => list[(index + list.length) % list.length]?.focus();
    switch (event.key) {
      case "ArrowDown":
        move(at + 1);
        break;
      case "ArrowUp":
        move(at < 0 ? -1 : at - 1);
        break;
      case "Home":
        move(0);
        break;
      case "End":
        move(-1);
        break;
      case "Escape":
        close();
        button.current?.focus();
        break;
      case "Tab":
        close();
        return;
      case " ":
      case "Enter":
        // the item is a button: it activates itself
        return;
      default: {
        if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
        const letter = event.key.toLocaleLowerCase();
        const next = [...list.slice(at + 1), ...list.slice(0, at + 1)].find((item) =>
          item.textContent?.trim().toLocaleLowerCase().startsWith(letter),
        );
        next?.focus();
      }
    }
    event.preventDefault();
  };
}
