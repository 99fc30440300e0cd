import { Box, useApp, useStdin, useStdout } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { ExplorerBackend, ExplorerData } from './backend.js';
import { subscriptionsOf } from './backend.js';
import { osc52 } from './clipboard.js';
import { ExplorerContext, ThemeContext, type ExplorerContextValue } from './context.js';
import type { CommandId } from './keymap.js';
import { buildModel, type Model } from './model/model.js';
import { newPageCache, type PageCache, type PageContent } from './model/page.js';
import { deriveLivePage } from './model/live-page.js';
import { LiveContext, useLiveState, useLiveWatch } from './hooks/useLive.js';
import { createStore, initialState, type Page, type Store } from './store.js';
import { makeTheme, type Theme } from './theme.js';
import type { ViewId } from './views/types.js';
import { useKeys, type KeyEnv } from './hooks/useKeys.js';
import { useWriteSession, WriteFooter, WritePanel } from './wizard/index.js';
import { useLoader } from './hooks/useLoader.js';
import { useTerminalSize } from './hooks/useTerminalSize.js';
import { Header } from './components/Header.js';
import { Footer } from './components/Footer.js';
import { StatusLine } from './components/StatusLine.js';
import { Body } from './components/Body.js';

/** Props of the explorer root; everything but `backend` has a sensible default. */
export interface AppProps {
  /** The core as seen by the UI (source, subscriptions, mode, load). */
  backend: ExplorerBackend;
  /** View shown first (default circuits). */
  initialView?: ViewId;
  /** Open this kind's creation wizard as soon as data is loaded (`erscope create KIND` on a terminal). */
  startCreate?: string;
  /** Layout width/height override; defaults to the terminal size, live on resize. */
  width?: number;
  height?: number;
  /** Colour theme; defaults to the environment (NO_COLOR honoured). */
  theme?: Theme;
  /** Clock for "refreshed 12s ago" (tests pin it). */
  now?: () => number;
  /** Start a load on mount (default true). */
  autoLoad?: boolean;
  /** Called once when the user quits (before ink unmounts). */
  onQuit?: () => void;
  /** Handlers for write commands (create, fix); only reachable in write mode. */
  onWrite?: (cmd: CommandId, resourceId: string | undefined) => void;
}

/** Fixed rows around the body: header (2), status line (1), footer (1), plus one spare so Ink never scrolls the screen. */
const CHROME_ROWS = 5;

/** Body and table heights for a page at a terminal height. */
function layoutFor(page: Page, content: PageContent, height: number) {
  const bodyHeight = Math.max(1, height - CHROME_ROWS);
  const previewRows = page.kind === 'table' && page.view === 'findings' ? 3 : 0;
  // Tables and the events page draw a fixed column header above their rows.
  const pageSize = Math.max(1, content.kind === 'table' ? bodyHeight - 1 - previewRows : page.kind === 'events' ? bodyHeight - 1 : bodyHeight);
  return { bodyHeight, previewRows, pageSize };
}

/** The explorer: header, one page of the stack, status line and footer, all driven by one store. */
export function App(props: AppProps) {
  const { backend } = props;
  const storeRef = useRef<Store | undefined>(undefined);
  storeRef.current ??= createStore(initialState(props.initialView ?? 'circuits', backend.initial));
  const store = storeRef.current;
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const dispatch = store.dispatch;
  const { width, height } = useTerminalSize(props.width, props.height);
  const theme = useMemo(() => props.theme ?? makeTheme(), [props.theme]);
  const cache = useRef<PageCache>(newPageCache()).current;
  const modelSlot = useRef<{ data?: ExplorerData; model?: Model }>({}).current;
  const modelOf = (data: ExplorerData | undefined): Model | undefined => {
    if (modelSlot.data !== data) {
      modelSlot.data = data;
      modelSlot.model = data ? buildModel(data, subscriptionsOf(backend, data)) : undefined;
    }
    return modelSlot.model;
  };
  const model = modelOf(state.data);
  const now = props.now ?? Date.now;
  const refresh = useLoader(backend, dispatch, props.autoLoad ?? true);
  const app = useApp();
  const { stdout } = useStdout();
  const { isRawModeSupported } = useStdin();

  const page = state.stack[state.stack.length - 1]!;
  const live = useLiveState(backend);
  const content = deriveLivePage(live, cache, page, model, subscriptionsOf(backend, state.data), state.filter, width);
  const { bodyHeight, previewRows, pageSize } = layoutFor(page, content, height);
  useLiveWatch(live, state, content, isRawModeSupported === true);

  const { onQuit, onWrite } = props;
  const quit = useCallback(() => {
    backend.live?.monitor.stop();
    onQuit?.();
    app.exit();
  }, [app, onQuit, backend]);
  const copy = useCallback(
    (text: string, what: string) => {
      stdout.write(osc52(text));
      dispatch({ type: 'message', text: `✔ copied ${what}`, tone: 'ok' });
    },
    [stdout, dispatch],
  );
  // The write session owns the live mode (read-only → write after typed WRITE) and, while a write screen is open, every key.
  const writing = useWriteSession(backend, () => keyEnv(), isRawModeSupported === true);
  const keyEnv = (): KeyEnv => {
    const s = store.getState();
    const m = modelOf(s.data);
    const top = s.stack[s.stack.length - 1]!;
    const c = deriveLivePage(live, cache, top, m, subscriptionsOf(backend, s.data), s.filter, width);
    return { state: s, dispatch, backend: writing.backend, model: m, content: c, pageSize: layoutFor(top, c, height).pageSize, quit, refresh, copy, onWrite: onWrite ?? writing.onWrite, live, now };
  };
  useKeys(keyEnv, isRawModeSupported === true && !writing.open);
  const createStarted = useRef(false);
  useEffect(() => {
    if (props.startCreate && model && !createStarted.current) createStarted.current = writing.openCreate(props.startCreate);
  }, [props.startCreate, model, writing]);

  const ctx: ExplorerContextValue = { state, dispatch, backend: writing.backend, model, theme, width, height, now };
  const counter = content.count ? `${page.cursor + 1}/${content.count}` + (content.kind === 'table' && content.count < content.total ? ` of ${content.total}` : '') : '';
  return (
    <ExplorerContext.Provider value={ctx}>
      <ThemeContext.Provider value={theme}>
      <LiveContext.Provider value={live}>
      <Box flexDirection="column" width={width}>
        <Header counter={counter} />
        <Box flexDirection="column" height={bodyHeight} overflowY="hidden">
          {writing.state.screen ? (
            <WritePanel state={writing.state} height={bodyHeight} {...(backend.writes ? { writes: backend.writes } : {})} />
          ) : (
            <Body page={page} content={content} height={bodyHeight} pageSize={pageSize} previewRows={previewRows} />
          )}
        </Box>
        <StatusLine inputEnabled={isRawModeSupported === true} />
        {writing.state.screen ? <WriteFooter screen={writing.state.screen} /> : <Footer view={page.kind} />}
      </Box>
      </LiveContext.Provider>
      </ThemeContext.Provider>
    </ExplorerContext.Provider>
  );
}
