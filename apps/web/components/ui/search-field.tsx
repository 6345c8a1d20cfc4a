"use client";

import { useEffect, useRef, useState } from "react";
import { TextField } from "./field";

/** A search box that reports what was typed after a short pause, not on every key. */
export function SearchField({ label, value, onSearch, placeholder, delayMs = 300 }: { label: string; value: string; onSearch: (value: string) => void; placeholder?: string; delayMs?: number }) {
  const [text, setText] = useState(value);
  const latest = useRef(onSearch);
  latest.current = onSearch;
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => latest.current(text), delayMs);
    return () => clearTimeout(timer);
  }, [text, value, delayMs]);
  return <TextField type="search" label={label} value={text} onChange={setText} placeholder={placeholder} />;
}
