import type { ComponentType } from 'react';
import type { TasticProps } from '../tastics/tastic-props';
import type { LayoutElementData, PageResponseData, SectionData, SectionName } from './page-types';
import { TasticRenderer } from './TasticRenderer';

type Registry = Readonly<Record<string, ComponentType<TasticProps>>>;

/** Studio's 12-column grid; hidden devices become classes the stylesheet hides per breakpoint. */
function layoutClass(element: LayoutElementData): string {
  const size = Math.min(12, Math.max(1, Math.round(element.configuration.size ?? 12)));
  const classes = ['layout-element', `span-${size}`];
  if (element.configuration.mobile === false) classes.push('hide-mobile');
  if (element.configuration.tablet === false) classes.push('hide-tablet');
  if (element.configuration.desktop === false) classes.push('hide-desktop');
  return classes.join(' ');
}

function Section({ name, section, dataSources, registry }: { name: SectionName; section: SectionData; dataSources: Readonly<Record<string, unknown>>; registry: Registry }) {
  if (section.layoutElements.length === 0) return null;
  const Tag = name === 'head' ? 'div' : name === 'footer' ? 'footer' : 'main';
  return (
    <Tag className={`section section-${name}`} data-section-id={section.sectionId}>
      <div className="container grid">
        {section.layoutElements.map((element) => (
          <div key={element.layoutElementId} className={layoutClass(element)}>
            {element.tastics.map((tastic) => (
              <TasticRenderer key={tastic.tasticId} tastic={tastic} dataSources={dataSources} registry={registry} />
            ))}
          </div>
        ))}
      </div>
    </Tag>
  );
}

/** Renders a hub page: sections (head, main, footer) → layout elements → tastics through the registry. */
export function PageRenderer({ page, registry }: { page: PageResponseData; registry: Registry }) {
  const { sections } = page.page;
  const dataSources = page.data.dataSources;
  return (
    <>
      {(['head', 'main', 'footer'] as const).map((name) => {
        const section = sections[name];
        return section === undefined ? null : <Section key={name} name={name} section={section} dataSources={dataSources} registry={registry} />;
      })}
    </>
  );
}
