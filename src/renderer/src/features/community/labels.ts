import {
  IconBrandDiscord,
  IconBrandFacebook,
  IconBrandQq,
  IconBrandWechat,
  IconBrandWhatsapp,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import type { CommunityPlatform, LeaderboardName } from '../../../../shared/contract';
import type { MessageKey } from '../../i18n';

/** How each platform looks in lists: its brand mark and a colour close to the brand's. */
export const PLATFORM_ICON: Record<CommunityPlatform, Icon> = {
  wechat: IconBrandWechat,
  qq: IconBrandQq,
  whatsapp: IconBrandWhatsapp,
  discord: IconBrandDiscord,
  facebook: IconBrandFacebook,
  other: IconUsersGroup,
};
export const PLATFORM_COLOR: Record<CommunityPlatform, string> = {
  wechat: 'green',
  qq: 'cyan',
  whatsapp: 'teal',
  discord: 'indigo',
  facebook: 'blue',
  other: 'gray',
};
export const platformLabel = (platform: CommunityPlatform): MessageKey => `community.platform.${platform}`;
export const boardLabel = (board: LeaderboardName): MessageKey => `community.board.${board}`;
