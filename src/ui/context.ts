import { createContext, useContext, type Dispatch } from 'react';
import type { ExplorerBackend } from './backend.js';
import type { Model } from './model/model.js';
import type { Action, UiState } from './store.js';
import { makeTheme, type Theme } from './theme.js';

/** What every component may read: state, dispatch, the backend, the derived model, theme and terminal size. */
export interface ExplorerContextValue {
  state: UiState;
  dispatch: Dispatch<Action>;
  backend: ExplorerBackend;
  model?: Model;
  theme: Theme;
  width: number;
  height: number;
  now: () => number;
}

/** Context carrying the store; provided once by App. */
export const ExplorerContext = createContext<ExplorerContextValue | undefined>(undefined);

/** The explorer store and environment; throws when used outside App (a programming error). */
export function useExplorer(): ExplorerContextValue {
  const v = useContext(ExplorerContext);
  if (!v) throw new Error('useExplorer must be used inside <App>');
  return v;
}

const FALLBACK_THEME = makeTheme();

/**
 * The theme on its own context, provided by App: the explorer's context changes on every key, and a component that
 * only needs colours (every Styled, every table row) must not re-render with it.
 */
export const ThemeContext = createContext<Theme | undefined>(undefined);

/** The theme, usable even outside App (falls back to the environment's NO_COLOR). */
export function useTheme(): Theme {
  return useContext(ThemeContext) ?? FALLBACK_THEME;
}
