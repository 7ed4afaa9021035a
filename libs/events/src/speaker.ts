/** A speaker or workshop host, stored inline (JSON) with the item it belongs to. */
export interface SpeakerData {
  name: string;
  affiliation?: string | null;
}

/** The venue, stored inline (JSON) with its event. */
export interface VenueData {
  name: string;
  street?: string | null;
  postalCode?: string | null;
  city: string;
  country?: string | null;
}
