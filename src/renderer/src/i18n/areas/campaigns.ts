/**
 * The campaigns area's messages, English and Simplified Chinese side by side.
 * Spread into ../en.ts and ../zh-CN.ts; keys start with 'campaigns.' (and the
 * area's title, 'area.campaigns.title'). Split by screen in ./campaigns/.
 */
import { campaignsDetailEn, campaignsDetailZh } from './campaigns/detail';
import { campaignsEditorEn, campaignsEditorZh } from './campaigns/editor';
import { campaignsListEn, campaignsListZh } from './campaigns/list';
import { campaignsReportEn, campaignsReportZh } from './campaigns/report';

export const campaignsEn = { ...campaignsListEn, ...campaignsEditorEn, ...campaignsDetailEn, ...campaignsReportEn } as const;
export const campaignsZh: Record<keyof typeof campaignsEn, string> = {
  ...campaignsListZh, ...campaignsEditorZh, ...campaignsDetailZh, ...campaignsReportZh,
};
