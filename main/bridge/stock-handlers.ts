import type { stockChannels } from '../../shared/contract/stock-channels';
import { signedIn, type HandlersFor } from './handler';

/** The clinic's stock; the dispatcher already checked role and input. */
export const stockHandlers: HandlersFor<keyof typeof stockChannels> = {
  'stock.products': signedIn((input, { services }) => services.stock.products(input.includeArchived)),
  'stock.addProduct': signedIn((input, { services, staff }) => services.stock.addProduct(staff.id, input.product)),
  'stock.updateProduct': signedIn((input, { services, staff }) => services.stock.updateProduct(staff.id, input.id, input.product)),
  'stock.setArchived': signedIn((input, { services, staff }) => services.stock.setArchived(staff.id, input.id, input.archived)),
  'stock.receive': signedIn((input, { services, staff }) => services.stock.receive(staff.id, input.lines)),
  'stock.lots': signedIn((input, { services }) => services.stock.lots(input)),
  'stock.movements': signedIn((input, { services }) => services.stock.movements(input.lotId)),
  'stock.writeOff': signedIn((input, { services, staff }) => services.stock.writeOff(staff.id, input)),
  'stock.count': signedIn((input, { services, staff }) => services.stock.count(staff.id, input)),
  'stock.lotsNamed': signedIn((input, { services }) => services.stock.lotsNamed(input.lot)),
  'stock.writeOffRecalled': signedIn((input, { services, staff }) => services.stock.writeOffRecalled(staff.id, input.lotId, input.note)),
  'stock.report': signedIn((_input, { services, staff }) => ({ csv: services.stock.reportCsv(staff.id) })),
  'stock.alerts': signedIn((_input, { services }) => services.stock.alerts()),
};
