import { Module } from '@nestjs/common';
import { ListingConsumer } from './listing.consumer';
import { ListingsRepository } from './listings.repository';

/** New listings from the VC service's IPO pipeline join the catalogue (`vc.ipo.updated` → `listed`). */
@Module({ controllers: [ListingConsumer], providers: [ListingsRepository] })
export class ListingsModule {}
