import { Button, Group, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUserPlus, IconZoomScan } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session-context';
import { useNavigation } from '../../shell/navigation';
import { PageTitle } from '../../shell/PageTitle';
import { ClientBrowser } from './ClientBrowser';
import { NoClients } from './NoClients';
import { useClientPages } from './useClientPages';

/** What was searched last, so coming back from a profile shows the same list. */
const remembered = { text: '', includeArchived: false };

/**
 * Everyone the clinic treats: search as you type (names in any script, accent-free, phone,
 * email, date of birth), a virtualised list that stays smooth at 100,000 clients, arrow keys and
 * Enter to open one.
 */
export default function ClientsPage() {
  const { t } = useTranslation();
  const { staff } = useSession();
  const { go } = useNavigation();
  const [text, setText] = useState(remembered.text);
  const [includeArchived, setIncludeArchived] = useState(remembered.includeArchived);
  const [query] = useDebouncedValue(text.trim(), 120);
  const pages = useClientPages(query, includeArchived);
  remembered.text = text;
  remembered.includeArchived = includeArchived;

  const unfiltered = pages.key === JSON.stringify(['', true]) || pages.key === JSON.stringify(['', false]);
  const emptyStore = pages.total === 0 && unfiltered && query === '';

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <PageTitle title={t('clients.title')} description={pages.total !== null && unfiltered && !emptyStore ? t('clients.count', { count: pages.total }) : t('clients.subtitle')} />
        <Group gap="sm" wrap="nowrap">
          {staff.role !== 'reception' ? (
            <Button variant="default" leftSection={<IconZoomScan size={18} aria-hidden />} onClick={() => go({ page: 'lotRecall' })}>
              {t('nav.lotRecall')}
            </Button>
          ) : null}
          <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => go({ page: 'clientForm' })}>
            {t('clients.new')}
          </Button>
        </Group>
      </Group>
      {emptyStore && !includeArchived ? (
        <NoClients onNew={() => go({ page: 'clientForm' })} />
      ) : (
        <ClientBrowser text={text} onText={setText} includeArchived={includeArchived} onIncludeArchived={setIncludeArchived} pages={pages} onOpen={(clientId) => go({ page: 'client', clientId })} />
      )}
    </Stack>
  );
}
