"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo } from "react";
import { useCursorPages } from "../ui/pagination";

export type TFilterValues<Key extends string> = Record<Key, string>;

/** The query string after applying changes: empty values are dropped so URLs stay short and shareable. */
export function withChanges(current: URLSearchParams, changes: Record<string, string>): string {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value.trim() === "") next.delete(key);
    else next.set(key, value);
  }
  const text = next.toString();
  return text ? `?${text}` : "";
}

/** Reads the named filters from the URL ("" when absent). */
export function readFilters<Key extends string>(params: URLSearchParams, keys: readonly Key[]): TFilterValues<Key> {
  return Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ""])) as TFilterValues<Key>;
}

/**
 * List filters kept in the URL, so dashboard links, reloads and the back button show the same list.
 * @param keys the query-string names this page understands
 */
export function useUrlFilters<Key extends string>(keys: readonly Key[]) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const search = params.toString();
  const values = useMemo(() => readFilters(new URLSearchParams(search), keys), [search, keys]);
  const update = useCallback(
    (changes: Partial<TFilterValues<Key>>) => router.replace(`${pathname}${withChanges(new URLSearchParams(search), changes as Record<string, string>)}`, { scroll: false }),
    [router, pathname, search],
  );
  return [values, update] as const;
}

/**
 * A paged list filtered from the URL: the filters, their setter, and cursor pages that start
 * over whenever a filter changes (a stale cursor never goes out with new filters).
 */
export function useFilteredPages<Key extends string>(keys: readonly Key[], size = 25) {
  const [values, setValues] = useUrlFilters(keys);
  const pages = useCursorPages(size);
  const { reset } = pages;
  useEffect(reset, [values, reset]);
  return { values, setValues, pages };
}
