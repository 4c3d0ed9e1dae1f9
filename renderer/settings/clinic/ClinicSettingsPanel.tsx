import { useBridgeQuery } from '../../hooks/useBridgeQuery';
import { ErrorAlert } from '../../errors/ErrorAlert';
import { PageLoading } from '../../shell/PageLoading';
import { ClinicSettingsForm } from './ClinicSettingsForm';

/** Loads the clinic's settings, then the form. Only admins get here; others see the refusal. */
export function ClinicSettingsPanel() {
  const settings = useBridgeQuery('settings.get', {});
  if (settings.loading && !settings.data) return <PageLoading />;
  if (!settings.data) return <ErrorAlert error={settings.error} />;
  return <ClinicSettingsForm settings={settings.data} />;
}
