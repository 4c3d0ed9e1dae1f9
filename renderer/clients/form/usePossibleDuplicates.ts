import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import type { ClientFields, ClientInput } from '../../../shared/clients/client';
import { phoneDigits } from '../../../shared/clients/client-search-fields';
import type { ChannelOutput } from '../../../shared/contract/channels';
import { isCalendarDate } from '../../../shared/dates';
import { call } from '../../bridge/client';

export type PossibleDuplicates = ChannelOutput<'clients.possibleDuplicates'>;

/**
 * Who this might already be, checked while the name and date of birth, phone or email are typed
 * (the same rules the main side applies before it creates a client).
 */
export function usePossibleDuplicates(control: Control<ClientInput, unknown, ClientFields>, exceptId: string | null) {
  const [firstName, lastName, dateOfBirth, phone, email] = useWatch({ control, name: ['firstName', 'lastName', 'dateOfBirth', 'phone', 'email'] });
  const fields = {
    firstName: (firstName ?? '').trim().slice(0, 100),
    lastName: (lastName ?? '').trim().slice(0, 100),
    dateOfBirth: dateOfBirth && isCalendarDate(dateOfBirth) && dateOfBirth >= '1900-01-01' && dateOfBirth <= '2100-12-31' ? dateOfBirth : null,
    phone: (phone ?? '').trim().slice(0, 40),
    email: /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test((email ?? '').trim()) ? (email ?? '').trim().slice(0, 200) : '',
  };
  const worthAsking = (fields.firstName !== '' && fields.lastName !== '' && fields.dateOfBirth !== null) || phoneDigits(fields.phone).length >= 6 || fields.email !== '';
  const [key] = useDebouncedValue(worthAsking ? JSON.stringify(fields) : '', 300);
  const [list, setList] = useState<PossibleDuplicates>([]);
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!key) {
      setList([]);
      return;
    }
    let current = true;
    // The fields are read back from `key`, their JSON, so a re-render with the same text asks nothing.
    call('clients.possibleDuplicates', { ...(JSON.parse(key) as typeof fields), exceptId })
      .then((found) => {
        if (current) setList(found);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [key, exceptId, round]);

  const refresh = useCallback(() => setRound((n) => n + 1), []);
  return { list, refresh };
}
