package graph

import "fmt"

// Ownership is an owner -OWNS-> asset (FtM Ownership), with the share it holds.
type Ownership struct {
	EdgeBase
	Owner Entity
	Asset Entity
}

// Payment is a payer -PAID-> beneficiary (FtM Payment), with the amount paid.
type Payment struct {
	EdgeBase
	Payer       Entity
	Beneficiary Entity
}

var (
	ownershipShape = edgeShape{"Ownership", "owner", "asset", func(b EdgeBase, s, e Entity) any {
		return &Ownership{b, s, e}
	}}
	paymentShape = edgeShape{"Payment", "payer", "beneficiary", func(b EdgeBase, s, e Entity) any {
		return &Payment{b, s, e}
	}}
)

// The fields of the GraphQL edge types: the values as the source wrote them.

func (o *Ownership) Percentage() []string     { return o.Facts.get("percentage") }
func (o *Ownership) SharesCount() []string    { return o.Facts.get("sharesCount") }
func (o *Ownership) SharesValue() []string    { return o.Facts.get("sharesValue") }
func (o *Ownership) SharesCurrency() []string { return o.Facts.get("sharesCurrency") }
func (o *Ownership) SharesType() []string     { return o.Facts.get("sharesType") }
func (o *Ownership) OwnershipType() []string  { return o.Facts.get("ownershipType") }

// Role is what the owner is as the source says it (FtM's role), nil when it does not say.
func (o *Ownership) Role() *string {
	if o.EdgeBase.Role == "" {
		return nil
	}
	return &o.EdgeBase.Role
}

func (p *Payment) Amount() []string    { return p.Facts.get("amount") }
func (p *Payment) AmountUsd() []string { return p.Facts.get("amountUsd") }
func (p *Payment) AmountEur() []string { return p.Facts.get("amountEur") }
func (p *Payment) Currency() []string  { return p.Facts.get("currency") }

// numericLinkFacts are the LinkFacts a relation filter compares as numbers (FloatFilter);
// the others it compares as text (StringFilter).
var numericLinkFacts = map[string]bool{"percentage": true, "sharesCount": true, "sharesValue": true,
	"amount": true, "amountUsd": true, "amountEur": true}

func init() {
	for _, f := range LinkFacts {
		storedProperties[f] = []string{f}
	}
}

// linkFactFilters compiles the LinkFacts keys of a RelationWhere on the relationship r:
// each matches when any of its values does. A numeric one reads a value as a number once
// spaces, thousands commas and a percent sign are dropped ("51%", "1,250,000"); a value
// that is not a number then ("50-75") matches no numeric filter.
func (c *compiler) linkFactFilters(r string, rw map[string]any, path string) ([]string, error) {
	var conds []string
	for _, f := range LinkFacts {
		val, ok := rw[f]
		if !ok || val == nil {
			continue
		}
		x := c.newVar("f")
		expr := x
		if numericLinkFacts[f] {
			expr = fmt.Sprintf("toFloatOrNull(replace(replace(replace(%s, ' ', ''), ',', ''), '%%', ''))", x)
		}
		cond, err := c.compare(expr, val, path+"."+f)
		if err != nil {
			return nil, err
		}
		conds = append(conds, fmt.Sprintf("any(%s IN coalesce(%s.%s, []) WHERE %s)", x, r, f, cond))
	}
	return conds, nil
}
