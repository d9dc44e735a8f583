import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TaggingRule } from './tagging-rule';

export interface TaggingRuleRow extends TaggingRule {
  enabled: boolean;
  description: string;
}

@Injectable()
export class TaggingRulesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<TaggingRuleRow[]> {
    return this.dataSource.query(
      `SELECT id, match, terms, categories, symbols, priority, enabled, description
         FROM tagging_rules ORDER BY priority, id`,
    );
  }

  async enabled(): Promise<TaggingRule[]> {
    return (await this.list()).filter((rule) => rule.enabled);
  }
}
