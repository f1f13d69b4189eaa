import { registerAddSelectionMenu } from '@/lib/extension/selection-entity';
import { createBackgroundService } from './service';

export default defineBackground(() => {
  createBackgroundService();
  registerAddSelectionMenu();
});
