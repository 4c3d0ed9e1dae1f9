import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconDownload, IconSearch } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract/channels';
import type { BridgeError } from '../../../shared/errors';
import { asBridgeError } from '../../bridge/bridge-failure';
import { call } from '../../bridge/client';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { useDates, type Dates } from '../../hooks/useDates';
import { useNavigation } from '../../shell/navigation';
import { PageTitle } from '../../shell/PageTitle';
import { RecalledLots } from '../../stock/RecalledLots';
import { recallCsv } from './recall-csv';
import { expiryText } from '../sessions/ExpiryField';

type LotUses = ChannelOutput<'sessions.findByLot'>;

/** Remembered while the app is open, so going to a client and back keeps the recall list. */
let lastSearch: { lot: string; found: LotUses } | null = null;

/**
 * "Which clients were treated with lot X?" as one search over cartridges and products (case,
 * spaces and dashes ignored), listed by date and downloadable as CSV for the recall letters.
 */
export default function LotRecallPage() {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const dates = useDates();
  const [lot, setLot] = useState(lastSearch?.lot ?? '');
  const [result, setResult] = useState(lastSearch);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const [searching, setSearching] = useState(false);

  const search = async () => {
    const wanted = lot.trim();
    if (!wanted) return;
    setFailure(null);
    setSearching(true);
    try {
      const found = await call('sessions.findByLot', { lot: wanted.slice(0, 60) });
      lastSearch = { lot: wanted, found };
      setResult(lastSearch);
    } catch (error) {
      setFailure(asBridgeError(error));
    } finally {
      setSearching(false);
    }
  };

  const clients = result ? new Set(result.found.map((use) => use.clientId)).size : 0;

  return (
    <Stack gap="lg">
      <PageTitle title={t('recall.title')} description={t('recall.intro')} />
      <Paper withBorder p="lg" bg="white">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void search();
          }}
          role="search"
          aria-label={t('recall.title')}
        >
          <Group align="flex-end" gap="md" wrap="nowrap">
            <TextInput
              label={t('recall.lot')}
              description={t('recall.lotHint')}
              value={lot}
              onChange={(event) => setLot(event.currentTarget.value)}
              maxLength={60}
              size="lg"
              style={{ flexGrow: 1, maxWidth: 460 }}
              autoComplete="off"
              spellCheck={false}
              data-autofocus
            />
            <Button type="submit" size="lg" leftSection={<IconSearch size={18} aria-hidden />} loading={searching} disabled={!lot.trim()}>
              {t('recall.search')}
            </Button>
          </Group>
        </form>
      </Paper>
      <ErrorAlert error={failure} />
      {result ? (
        <Paper withBorder p="lg" bg="white" component="section" aria-labelledby="recall-result">
          <Stack gap="md">
            <Group justify="space-between">
              <Text fw={600} size="lg" id="recall-result" role="status">
                {result.found.length === 0
                  ? t('recall.none', { lot: result.lot })
                  : `${t('recall.found', { count: clients, lot: result.lot })} · ${t('recall.sessions', { count: result.found.length })}`}
              </Text>
              {result.found.length > 0 ? (
                <Button
                  variant="light"
                  leftSection={<IconDownload size={18} aria-hidden />}
                  onClick={() => void download(result, t, dates).catch((error: unknown) => setFailure(asBridgeError(error)))}
                >
                  {t('recall.export')}
                </Button>
              ) : null}
            </Group>
            <RecalledLots lot={result.lot} />
            {result.found.length > 0 ? (
              <Table.ScrollContainer minWidth={760}>
                <Table verticalSpacing="sm" highlightOnHover aria-label={t('recall.tableLabel')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('recall.columns.client')}</Table.Th>
                      <Table.Th scope="col">{t('recall.columns.born')}</Table.Th>
                      <Table.Th scope="col">{t('recall.columns.treated')}</Table.Th>
                      <Table.Th scope="col">{t('recall.columns.kind')}</Table.Th>
                      <Table.Th scope="col">{t('recall.columns.product')}</Table.Th>
                      <Table.Th scope="col">{t('recall.columns.lot')}</Table.Th>
                      <Table.Th scope="col">{t('recall.columns.expiry')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.found.map((use) => (
                      <Table.Tr key={`${use.sessionId}:${use.kind}:${use.product}:${use.lot}`}>
                        <Table.Th scope="row">
                          <Anchor component="button" type="button" fw={600} onClick={() => go({ page: 'client', clientId: use.clientId, profileTab: 'treatments' })}>
                            {use.clientName}
                          </Anchor>
                        </Table.Th>
                        <Table.Td>{dates.day(use.dateOfBirth)}</Table.Td>
                        <Table.Td>{dates.dateTime(use.performedAt)}</Table.Td>
                        <Table.Td>
                          <Badge size="lg" variant="light" color={use.kind === 'cartridge' ? 'sage' : 'gray'} c="dark.9" style={{ textTransform: 'none' }}>
                            {t(`recall.kinds.${use.kind}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>{use.product}</Table.Td>
                        <Table.Td ff="monospace">{use.lot}</Table.Td>
                        <Table.Td>{use.expiry ? expiryText(use.expiry, dates) : t('common.none')}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : null}
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}

async function download(result: { lot: string; found: LotUses }, t: TFunction, dates: Dates) {
  const csv = recallCsv(result.found, {
    header: (column) => t(`recall.columns.${column}`),
    kind: (kind): string => t(`recall.kinds.${kind}`),
    day: (iso) => (iso ? dates.day(iso) : ''),
    expiry: (expiry) => (expiry ? expiryText(expiry, dates) : ''),
    moment: (iso) => dates.dateTime(iso),
  });
  // Contact details leave the app in this file: main records who took them, for which lot.
  await call('sessions.recallExported', { lot: result.lot, rows: result.found.length });
  // A byte-order mark so spreadsheet programs read names in any script correctly.
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `recall-${result.lot.replace(/[^\p{L}\p{N}-]+/gu, '_')}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
