import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

/** Terminal columns and rows, live on stdout 'resize'; explicit values (tests, embedding) win. */
export function useTerminalSize(width?: number, height?: number): { width: number; height: number } {
  const { stdout } = useStdout();
  const read = () => ({ width: width ?? stdout.columns ?? 80, height: height ?? stdout.rows ?? 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    onResize();
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stdout, width, height]);
  return size;
}
