import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { PageTitle } from '../../components/ui/page-title.tsx';
import { LoadError, Loading } from '../../components/ui/query-status.tsx';
import { useOrganizationStructure } from '../../features/organization/api/get-structure.ts';
import { DepartmentsSection } from '../../features/organization/components/departments-section.tsx';
import { ProfessionsSection } from '../../features/organization/components/professions-section.tsx';
import { SitesSection } from '../../features/organization/components/sites-section.tsx';

export function OrganizationRoute() {
  const structure = useOrganizationStructure();
  return (
    <div className="stack">
      <PageTitle title="Organisation" />
      {structure.isPending ? (
        <Loading />
      ) : structure.isError ? (
        <LoadError error={structure.error} what="the organisation" />
      ) : (
        <Tabs className="tabs" defaultSelectedKey="departments">
          <TabList aria-label="Parts of the organisation" className="tabs__list">
            <Tab id="departments" className="tabs__tab">
              Departments
            </Tab>
            <Tab id="sites" className="tabs__tab">
              Sites
            </Tab>
            <Tab id="professions" className="tabs__tab">
              Professions
            </Tab>
          </TabList>
          <TabPanel id="departments" className="tabs__panel">
            <DepartmentsSection departments={structure.data.departments} sites={structure.data.sites} />
          </TabPanel>
          <TabPanel id="sites" className="tabs__panel">
            <SitesSection sites={structure.data.sites} />
          </TabPanel>
          <TabPanel id="professions" className="tabs__panel">
            <ProfessionsSection professions={structure.data.professions} />
          </TabPanel>
        </Tabs>
      )}
    </div>
  );
}
