import { Badge } from '@mantine/core';
import type { CommunityPlatform } from '../../../../shared/contract';
import { useT } from '../../i18n';
import { PLATFORM_COLOR, PLATFORM_ICON, platformLabel } from './labels';

/** A group's platform: its mark and name, so a WeChat group is told from a Discord server at a glance. */
export function PlatformBadge({ platform }: { platform: CommunityPlatform }) {
  const t = useT();
  const Mark = PLATFORM_ICON[platform];
  return (
    <Badge variant="light" color={PLATFORM_COLOR[platform]} tt="none" leftSection={<Mark size={14} aria-hidden />} data-testid="platform-badge" data-platform={platform}>
      {t(platformLabel(platform))}
    </Badge>
  );
}
