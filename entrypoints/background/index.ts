import { createBackgroundService } from './service';

export default defineBackground(() => {
  createBackgroundService();
});
