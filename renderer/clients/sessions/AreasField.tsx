import { ActionIcon, Chip, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { Controller, useFieldArray, useWatch, type Control, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { bodyAreas, depthNeedsConfirmation, treatmentAreas, type AreaDepth, type TreatmentArea } from '../../../shared/clinical/areas';
import classes from './AreasField.module.css';
import { FaceMap } from './FaceMap';
import type { SessionFormValues } from './session-form';

const defaultPasses = 2;
const mm = (value: number) => value.toFixed(2).replace(/0$/, '');

/**
 * Where the session treats: the face map and the body areas choose the areas; each chosen area
 * gets a depth (the clinic's usual depth to start with) and a number of passes. A depth above the
 * clinic's maximum for the area is pointed out here and confirmed on save.
 */
export function AreasField({ control, depths, errors }: { control: Control<SessionFormValues>; depths: readonly AreaDepth[]; errors: FieldErrors<SessionFormValues> }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'areas' });
  const chosen = useWatch({ control, name: 'areas' }) ?? [];
  const byArea = new Map(depths.map((depth) => [depth.area, depth]));
  const selected = new Set<TreatmentArea>(chosen.map((area) => area.area));
  const order = (area: TreatmentArea) => treatmentAreas.indexOf(area);

  const toggle = (area: TreatmentArea) => {
    const index = fields.findIndex((field) => field.area === area);
    if (index >= 0) remove(index);
    else append({ area, depthMm: byArea.get(area)?.typicalMm ?? 0.5, passes: defaultPasses });
  };
  const rows = fields.map((field, index) => ({ field, index })).sort((a, b) => order(a.field.area) - order(b.field.area));
  const areasError = errors.areas?.root?.message ?? errors.areas?.message;

  return (
    <Group align="flex-start" gap="xl" wrap="nowrap">
      <div className={classes.mapColumn}>
        <Stack gap="md" align="center">
          <FaceMap selected={selected} onToggle={toggle} />
          <Stack gap={6} w="100%">
            <Text size="sm" fw={500} id="body-areas-label">
              {t('sessionForm.bodyAreas')}
            </Text>
            <Group gap={6} role="group" aria-labelledby="body-areas-label">
              {bodyAreas.map((area) => (
                <Chip key={area} size="sm" variant="outline" checked={selected.has(area)} onChange={() => toggle(area)}>
                  {t(`areas.${area}`)}
                </Chip>
              ))}
            </Group>
          </Stack>
        </Stack>
      </div>
      <div className={classes.tableColumn}>
        {rows.length === 0 ? (
          <Text c={areasError ? 'var(--mantine-color-error)' : 'dimmed'} role={areasError ? 'alert' : undefined} className={classes.empty}>
            {areasError ?? t('sessionForm.noAreasYet')}
          </Text>
        ) : (
          <Table verticalSpacing="xs" aria-label={t('sessionForm.areasTable')} className={classes.table}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('sessionForm.area')}</Table.Th>
                <Table.Th scope="col">{t('sessionForm.depth')}</Table.Th>
                <Table.Th scope="col">{t('sessionForm.passes')}</Table.Th>
                <Table.Th scope="col">
                  <span className="sl-sr-only">{t('sessionForm.remove')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ field, index }) => {
                const depth = byArea.get(field.area);
                const name = t(`areas.${field.area}`);
                const value = chosen[index]?.depthMm ?? 0;
                const tooDeep = depthNeedsConfirmation(value, depth);
                return (
                  <Table.Tr key={field.id}>
                    <Table.Th scope="row" fw={600}>
                      {name}
                      {depth ? (
                        <Text size="xs" c="dimmed" fw={400}>
                          {t('sessionForm.depthRange', { typical: mm(depth.typicalMm), max: mm(depth.maxMm) })}
                        </Text>
                      ) : null}
                      {tooDeep ? (
                        <Text size="xs" fw={500} className={classes.deepNote} id={`deep-${field.area}`}>
                          {t('sessionForm.aboveMax', { max: depth ? mm(depth.maxMm) : '1.5' })}
                        </Text>
                      ) : null}
                    </Table.Th>
                    <Table.Td>
                      <Controller
                        control={control}
                        name={`areas.${index}.depthMm`}
                        render={({ field: input, fieldState }) => (
                          <NumberInput
                            size="sm"
                            w={130}
                            aria-label={t('sessionForm.depthFor', { area: name })}
                            suffix=" mm"
                            min={0.1}
                            max={3}
                            step={0.05}
                            decimalScale={2}
                            clampBehavior="none"
                            value={input.value ?? ''}
                            // Never rewritten: what was typed is what the form judges (empty is no number, not 0).
                            onChange={(next) => input.onChange(typeof next === 'number' ? next : undefined)}
                            onBlur={input.onBlur}
                            error={fieldState.error?.message}
                            aria-describedby={tooDeep ? `deep-${field.area}` : undefined}
                            classNames={tooDeep && !fieldState.error ? { input: classes.deepInput } : undefined}
                          />
                        )}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Controller
                        control={control}
                        name={`areas.${index}.passes`}
                        render={({ field: input, fieldState }) => (
                          <NumberInput
                            size="sm"
                            w={90}
                            aria-label={t('sessionForm.passesFor', { area: name })}
                            min={1}
                            max={20}
                            allowDecimal={false}
                            clampBehavior="none"
                            value={input.value ?? ''}
                            // Never rewritten: what was typed is what the form judges (empty is no number, not 0).
                            onChange={(next) => input.onChange(typeof next === 'number' ? next : undefined)}
                            onBlur={input.onBlur}
                            error={fieldState.error?.message}
                          />
                        )}
                      />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon variant="subtle" color="gray" onClick={() => remove(index)} aria-label={t('sessionForm.removeArea', { area: name })}>
                        <IconX size={18} aria-hidden />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </div>
    </Group>
  );
}
