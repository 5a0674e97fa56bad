import { PageTitle } from '../../components/ui/page-title.tsx';
import { OfferList } from '../../features/supporter-workspace/components/offer-list.tsx';

export function OffersRoute() {
  return (
    <div className="stack">
      <PageTitle title="Offers" />
      <p className="lead">
        Requests matched to you. You see the person’s name and how to reach them once you accept. If you cannot take one, decline it, so the
        next supporter is asked at once.
      </p>
      <OfferList />
    </div>
  );
}
