import type { Logger } from '../../src/ports';

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  message: string;
}

/** A Logger that keeps what it was told, so tests can check what the logs do and do not hold. */
export class RecordingLogger implements Logger {
  readonly lines: LogLine[] = [];

  info(fields: Record<string, unknown>, message: string): void {
    this.lines.push({ level: 'info', fields, message });
  }

  warn(fields: Record<string, unknown>, message: string): void {
    this.lines.push({ level: 'warn', fields, message });
  }

  error(fields: Record<string, unknown>, message: string): void {
    this.lines.push({ level: 'error', fields, message });
  }

  get json(): string {
    return JSON.stringify(this.lines);
  }
}
