import 'reflect-metadata';
import { loadConfig } from '@marketpulse/config';
import { createServiceApp, runService } from '@marketpulse/platform';
import { AppModule } from './app.module';
import { VC_SERVICE } from './jobs/vc-jobs.consumer';
import { VcConfig } from './vc.config';

void runService(() => {
  const config = loadConfig(VcConfig);
  return createServiceApp(AppModule.forRoot(config), config, {
    name: VC_SERVICE,
    title: 'Marketpulse venture capital',
    description:
      'Companies, funding rounds, investors, M&A, valuations, funds and their returns, and the IPO pipeline',
  });
});
