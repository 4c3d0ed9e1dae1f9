import { Grid, Stack } from '@mantine/core';
import type { ClientContactProfile, ClientProfile, ScreeningState } from '../../../shared/contract/client-channels';
import { CoursesCard } from '../courses/CoursesCard';
import { ScreeningPanel } from '../screening/ScreeningPanel';
import { DetailsCard } from './DetailsCard';

/** Today's screening (clinicians), courses and details; reception's contact view has no screening to show. */
export function OverviewTab({ profile, onChanged, onScreening }: { profile: ClientProfile | ClientContactProfile; onChanged: () => Promise<void>; onScreening: (state: ScreeningState) => void }) {
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="lg">
          {'screening' in profile && profile.screening ? <ScreeningPanel clientId={profile.client.id} screening={profile.screening} onChanged={onScreening} /> : null}
          <CoursesCard profile={profile} onChanged={onChanged} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <DetailsCard client={profile.client} />
      </Grid.Col>
    </Grid>
  );
}
