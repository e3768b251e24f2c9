/**
 * The guest's serial console in a real terminal emulator (xterm.js): guest output bytes go to
 * term.write, what the reader types (term.onData) goes to the serial line. This module and xterm's
 * JS and CSS form their own chunk, loaded by React.lazy at the first Start.
 */
import React, { useEffect, useRef, useState } from 'react';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
// xterm's stylesheet as a string (css-loader's string export), put into the document when the first
// terminal mounts: imported as CSS it would join the site's one global stylesheet, on every page.
import xtermCss from '!!css-loader?exportType=string!@xterm/xterm/css/xterm.css';
import type { TerminalProps } from './terminal-props';
import styles from './terminal.module.css';

export default function XtermTerminal({ machine, label, rows = 22, screenReader = false }: TerminalProps): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  const [terminal, setTerminal] = useState<Terminal | null>(null);
  const machineNow = useRef(machine);
  machineNow.current = machine;
  const screenReaderNow = useRef(screenReader);
  screenReaderNow.current = screenReader;

  // The terminal itself: made once, and before the machine runs when the panel shows it while the
  // emulator loads (its setup then runs while the browser compiles v86, not after).
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    if (!document.querySelector('style[data-xterm-css]')) {
      const style = document.createElement('style');
      style.dataset.xtermCss = '';
      style.textContent = String(xtermCss);
      document.head.appendChild(style);
    }
    const term = new Terminal({
      rows,
      fontSize: 13,
      scrollback: 2000,
      cursorBlink: false,
      screenReaderMode: screenReaderNow.current,
      theme: { background: '#111418', foreground: '#e8ecef' },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    term.textarea?.setAttribute('aria-label', `${label} (Tab goes to the shell; Escape leaves the terminal)`);
    // Tab belongs to the shell (completion), so without a way out a keyboard user would be trapped:
    // Escape moves focus to the next control after the terminal.
    term.attachCustomKeyEventHandler((event) => {
      if (event.key !== 'Escape') return true;
      if (event.type === 'keydown') focusAfter(el);
      return false;
    });
    const fitWidth = () => {
      // Width follows the page; the height stays at `rows` lines.
      const size = fit.proposeDimensions();
      if (size && size.cols > 0 && Number.isFinite(size.cols)) term.resize(Math.max(20, size.cols), rows);
    };
    fitWidth();
    const resize = new ResizeObserver(fitWidth);
    resize.observe(el);
    const input = term.onData((data) => machineNow.current?.send(data));
    setTerminal(term);
    return () => {
      input.dispose();
      resize.disconnect();
      setTerminal(null);
      term.dispose();
    };
  }, [label, rows]);

  // The machine's output: what it printed before, then every byte as it comes.
  useEffect(() => {
    if (!terminal || !machine) return;
    terminal.reset();
    const earlier = machine.console.text;
    if (earlier) terminal.write(earlier.replace(/\n/g, '\r\n'));
    let pending: number[] = [];
    let flush: ReturnType<typeof setTimeout> | null = null;
    const onByte = (byte: number) => {
      pending.push(byte);
      flush ??= setTimeout(() => {
        terminal.write(Uint8Array.from(pending));
        pending = [];
        flush = null;
      }, 0);
    };
    // A reset powers a new v86 instance on (v86-emulator.ts): follow it.
    let source = machine.v86;
    source.add_listener('serial0-output-byte', onByte);
    const unfollow = machine.console.onChange(() => {
      if (machine.v86 === source) return;
      source.remove_listener('serial0-output-byte', onByte);
      source = machine.v86;
      source.add_listener('serial0-output-byte', onByte);
      terminal.write('\r\n[infralab: machine reset]\r\n');
    });
    return () => {
      unfollow();
      source.remove_listener('serial0-output-byte', onByte);
      if (flush) clearTimeout(flush);
    };
  }, [terminal, machine]);

  useEffect(() => {
    if (terminal) terminal.options.screenReaderMode = screenReader;
  }, [terminal, screenReader]);
  return (
    <>
      <div ref={box} className={styles.terminal} data-testid="terminal" />
      <p className={styles.hint}>In the terminal, Tab completes in the shell; press Escape to move on to the next control.</p>
    </>
  );
}

/** Focuses the first control after `el` in the page's order (or blurs, at the end of the page). */
function focusAfter(el: HTMLElement): void {
  const focusable =
    'a[href],button:not([disabled]),input:not([disabled]):not([type=hidden]),select:not([disabled]),textarea:not([disabled]),summary,[tabindex]:not([tabindex="-1"])';
  const next = Array.from(document.querySelectorAll<HTMLElement>(focusable)).find(
    (c) => !el.contains(c) && (el.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 && c.getClientRects().length > 0,
  );
  if (next) next.focus();
  else (document.activeElement as HTMLElement | null)?.blur();
}
