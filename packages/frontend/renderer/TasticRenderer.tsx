import type { ComponentType } from 'react';
import type { TasticProps } from '../tastics/tastic-props';
import type { TasticData } from './page-types';
import { resolveDataSources } from './resolve-data-sources';

export function TasticRenderer({
  tastic,
  dataSources,
  registry,
}: {
  tastic: TasticData;
  dataSources: Readonly<Record<string, unknown>>;
  registry: Readonly<Record<string, ComponentType<TasticProps>>>;
}) {
  const Component = registry[tastic.tasticType];
  if (Component === undefined) {
    return (
      <div className="tastic-missing" role="note">
        No component is registered for tastic type <code>{tastic.tasticType}</code>; add it to <code>tastics/registry.ts</code>.
      </div>
    );
  }
  return (
    <div className="tastic" data-tastic-type={tastic.tasticType} data-tastic-id={tastic.tasticId}>
      <Component tasticId={tastic.tasticId} data={resolveDataSources(tastic.configuration, dataSources)} />
    </div>
  );
}
