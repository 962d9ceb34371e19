import { Duration } from 'luxon';

const COMPACT =
  /^(?:(\d+)\s*w)?\s*(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*(?:(\d+)\s*s)?$/i;
const UNIT_SECONDS = [604800, 86400, 3600, 60, 1];

/**
 * Reads a duration the way our users already write them, in whole seconds:
 * bare seconds (`28800`, as the retired timer CLI accepted), compact groups in w/d/h/m/s order
 * (`1h30m`, `1d 12h`, `2w`, as `globus timer` accepts) or ISO 8601 (`PT8H`, `P1DT2H`).
 * Throws an Error whose message says what is accepted, to follow the value (`"x" is not …`).
 */
export function parseDuration(text: string): number {
  const value = text.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const compact = COMPACT.exec(value);
  if (value !== '' && compact) {
    return compact
      .slice(1)
      .reduce((sum, group, i) => sum + Number(group ?? 0) * (UNIT_SECONDS[i] ?? 0), 0);
  }
  if (/^P/i.test(value)) return parseIsoDuration(value);
  throw new Error(
    'is not a duration; use seconds (3600), compact units (1h30m, 1d, 2w) or ISO 8601 (PT1H)',
  );
}

function parseIsoDuration(value: string): number {
  const duration = Duration.fromISO(value.toUpperCase());
  if (!duration.isValid) {
    throw new Error('is not a valid ISO 8601 duration (e.g. PT8H, P1D, P1W)');
  }
  // Months and years have no fixed length; a timer interval must be exact.
  if (duration.years || duration.quarters || duration.months) {
    throw new Error('uses months or years, which have no fixed length; use days (P30D)');
  }
  return Math.floor(duration.as('seconds'));
}

/** Seconds as the compact form people read best: 90000 → "1d1h". */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  let rest = seconds;
  return ['w', 'd', 'h', 'm', 's']
    .map((unit, i) => {
      const size = UNIT_SECONDS[i] ?? 1;
      const count = Math.floor(rest / size);
      rest -= count * size;
      return count ? `${count}${unit}` : '';
    })
    .join('');
}
