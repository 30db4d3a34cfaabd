import { z } from "zod";
import { RowId } from "../shared/ids.ts";
import { CreateActionItemInput } from "../actions/action-item.ts";

const WhyText = z.string().trim().min(1, "is required").max(2000);
const WhyId = RowId;

export const AddWhyInput = z.strictObject({
  parentId: WhyId.nullable().meta({
    description: "The why this answers; null starts a new analysis whose root states the problem",
  }),
  text: WhyText,
});
export type AddWhyInput = z.input<typeof AddWhyInput>;

export const EditWhyInput = z.strictObject({
  text: WhyText.optional(),
  parentId: WhyId.nullable()
    .optional()
    .meta({ description: "Moves the why (with its answers) under another one; null makes it a root" }),
  position: z
    .number()
    .int()
    .min(0)
    .optional()
    .meta({ description: "0-based place among its siblings; a move without it goes last" }),
});
export type EditWhyInput = z.input<typeof EditWhyInput>;

export const WhyToActionItemInput = CreateActionItemInput.extend({
  title: CreateActionItemInput.shape.title.optional().meta({ description: "Defaults to the why's text" }),
});
export type WhyToActionItemInput = z.input<typeof WhyToActionItemInput>;

export interface WhyNode {
  id: number;
  parentId: number | null;
  position: number;
  text: string;
  /** The action item made from this why, if any. */
  actionItemId: number | null;
  version: number;
  children: WhyNode[];
}

export const WhyNode: z.ZodType<WhyNode> = z
  .object({
    id: z.number().int(),
    parentId: z.number().int().nullable(),
    position: z.number().int(),
    text: z.string(),
    actionItemId: z.number().int().nullable(),
    version: z.number().int(),
    get children(): z.ZodArray<z.ZodType<WhyNode>> {
      return z.array(WhyNode);
    },
  })
  .meta({ id: "WhyNode" });
