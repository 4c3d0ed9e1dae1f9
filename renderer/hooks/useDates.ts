import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../bridge/client';
import type { DateFormat } from '../i18n/format';

/** The clinic's date order, remembered between pages so dates never flash in another order. */
let knownFormat: DateFormat | null = null;

export interface Dates {
  /** A calendar day (YYYY-MM-DD, no time zone) in the clinic's order: "02/03/1990". */
  day(isoDate: string | null | undefined): string;
  /** A moment (ISO timestamp) as a day and time on this computer's clock: "02/03/2026, 14:05". */
  dateTime(isoTimestamp: string): string;
  /** The same moment's day only. */
  dayOf(isoTimestamp: string): string;
  /** A day in words, for suggestions: "Tuesday 3 March 2026". */
  long(isoDate: string): string;
  format: DateFormat;
}

function orderDay(isoDate: string, format: DateFormat): string {
  const [y = '', m = '', d = ''] = isoDate.slice(0, 10).split('-');
  switch (format) {
    case 'DD/MM/YYYY':
      return `${d}/${m}/${y}`;
    case 'MM/DD/YYYY':
      return `${m}/${d}/${y}`;
    case 'YYYY-MM-DD':
      return `${y}-${m}-${d}`;
  }
}

function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * Dates as the clinic writes them (Settings → Date format). Days of birth, expiries and due dates
 * are calendar days and are never shifted through a time zone.
 */
export function useDates(): Dates {
  const { t, i18n } = useTranslation();
  const [format, setFormat] = useState<DateFormat>(knownFormat ?? 'DD/MM/YYYY');
  useEffect(() => {
    let live = true;
    call('settings.get', {})
      .then((settings) => {
        knownFormat = settings.dateFormat;
        if (live) setFormat(settings.dateFormat);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const day = useCallback((isoDate: string | null | undefined) => (isoDate ? orderDay(isoDate, format) : t('common.none')), [format, t]);
  return useMemo<Dates>(() => {
    const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
    const long = new Intl.DateTimeFormat(i18n.language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    return {
      format,
      day,
      dateTime: (iso) => {
        const date = new Date(iso);
        return `${orderDay(localDay(date), format)}, ${time.format(date)}`;
      },
      dayOf: (iso) => orderDay(localDay(new Date(iso)), format),
      long: (isoDate) => long.format(new Date(`${isoDate}T00:00:00Z`)),
    };
  }, [format, day, i18n.language]);
}
