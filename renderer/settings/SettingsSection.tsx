/** A settings block is a form section: what it is and why on the left, the fields on the right. */
export { FormSection as SettingsSection } from '../forms/FormSection';
