import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { recsConfig, type RecsConfig, type RecsConfigState } from '../../../../../shared/contract';
import { zodIssues, type FieldIssue } from '../issues';

/** How long the preview waits after the last edit before asking the core. */
export const PREVIEW_DEBOUNCE_MS = 250;

export interface ConfigDraft {
  saved: RecsConfigState;
  /** The saved version the edits started from: a save names it, so a save made meanwhile elsewhere is not overwritten. */
  baseVersion: number;
  /** Someone saved since these edits started (the save will be refused). */
  savedElsewhere: boolean;
  draft: RecsConfig;
  dirty: boolean;
  /** The schema's issues with the draft, checked as it is edited (the core checks again on save). */
  issues: FieldIssue[];
  /** The core's refusal of the last save, per field. */
  serverIssues: FieldIssue[];
  setServerIssues(issues: FieldIssue[]): void;
  /** The last valid draft, after the debounce: what previews and comparisons show. */
  previewConfig: RecsConfig;
  edit(change: (draft: RecsConfig) => RecsConfig): void;
  /** Loads a configuration into the editor (an experiment's), keeping the version the edits started from. */
  replace(config: RecsConfig): void;
  /** Starts again from these saved settings (after a save, or a refused one). */
  adopt(state: RecsConfigState): void;
  resetToSaved(): void;
  resetToDefaults(): void;
}

const same = (a: RecsConfig, b: RecsConfig): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The settings being edited, apart from the saved ones. A save made elsewhere
 * (another window) replaces the draft only while nothing is being edited;
 * otherwise the edits keep the version they started from, and saving them is
 * refused (CONFLICT) rather than silently overwriting the other save.
 */
export function useConfigDraft(saved: RecsConfigState): ConfigDraft {
  const [draft, setDraft] = useState<RecsConfig>(saved.config);
  const [base, setBase] = useState<RecsConfigState>(saved);
  const [serverIssues, setServerIssues] = useState<FieldIssue[]>([]);
  const lastSaved = useRef(saved);
  const dirty = !same(draft, saved.config);

  useEffect(() => {
    if (saved === lastSaved.current) return;
    lastSaved.current = saved;
    if (same(draft, base.config)) {
      setDraft(saved.config);
      setBase(saved);
    }
  }, [saved, draft, base]);

  const adopt = (state: RecsConfigState) => {
    setServerIssues([]);
    setBase(state);
    setDraft(state.config);
  };

  const parsed = useMemo(() => recsConfig.safeParse(draft), [draft]);
  const issues = useMemo(() => (parsed.success ? [] : zodIssues(parsed.error)), [parsed]);

  const lastValid = useRef<RecsConfig>(saved.config);
  if (parsed.success && !same(parsed.data, lastValid.current)) lastValid.current = parsed.data;
  const [previewConfig] = useDebouncedValue(lastValid.current, PREVIEW_DEBOUNCE_MS);

  return {
    saved,
    baseVersion: base.version,
    savedElsewhere: dirty && base.version !== saved.version,
    draft,
    dirty,
    issues,
    serverIssues,
    setServerIssues,
    previewConfig,
    edit: (change) => {
      setServerIssues([]);
      setDraft((current) => change(current));
    },
    replace: (config) => {
      setServerIssues([]);
      setDraft(config);
    },
    adopt,
    resetToSaved: () => adopt(saved),
    resetToDefaults: () => {
      setServerIssues([]);
      setDraft(saved.defaults);
    },
  };
}
