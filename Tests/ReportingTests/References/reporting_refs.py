# Reference values for ReportingTests, computed independently with scipy 1.17.1 / numpy 2.4.6.
# Run: python3 reporting_refs.py — the tests paste its output as constants.
import numpy as np, scipy.stats as st, itertools
np.set_printoptions(precision=17)
print("# norm.cdf")
for x in [-37.5, -10, -5, -1.96, -1, 0, 0.5, 3, 8.2]:
    print(x, repr(st.norm.cdf(x)), repr(st.norm.sf(x)))
print("# norm.ppf")
for p in [1e-300, 1e-20, 1e-10, 0.001, 0.02425, 0.025, 0.1, 0.3, 0.5, 0.7, 0.975, 0.999, 1-1e-10]:
    print(repr(p), repr(st.norm.ppf(p)))
print("# binom")
for k,n,p in [(3,10,0.5),(0,20,0.3),(7,20,0.3),(15,40,0.25),(120,300,0.45)]:
    print(k,n,p, repr(st.binom.pmf(k,n,p)), repr(st.binom.cdf(k,n,p)), repr(st.binom.sf(k,n,p)), repr(st.binomtest(k,n,p).pvalue))
print("# fisher")
for t in [[[3,1],[1,3]],[[8,2],[1,5]],[[10,10],[10,10]],[[0,12],[9,3]],[[25,15],[12,30]]]:
    print(t, repr(st.fisher_exact(t).pvalue))
print("# wilson (binomtest(...).proportion_ci(method='wilson'))")
for k,n in [(81,263),(15,148),(0,20),(1,29),(29,29),(0,1)]:
    ci=st.binomtest(k,n).proportion_ci(0.95, method='wilson'); print(k,n, repr(ci.low), repr(ci.high))
print("# two proportions: chi2_contingency(correction=False) p and sqrt(chi2)")
for a,n1,b,n2 in [(56,70,48,80),(9,10,3,10),(6,7,2,7),(5,56,0,29),(310,500,250,480)]:
    chi2,p,_,_=st.chi2_contingency([[a,n1-a],[b,n2-b]], correction=False)
    print(a,n1,b,n2, repr(np.sqrt(chi2)), repr(p))
print("# newcombe hybrid score (own implementation from Wilson limits above)")
def wilson(k,n):
    ci=st.binomtest(k,n).proportion_ci(0.95, method='wilson'); return ci.low, ci.high
for a,n1,b,n2 in [(56,70,48,80),(9,10,3,10),(6,7,2,7),(5,56,0,29),(310,500,250,480)]:
    p1,p2=a/n1,b/n2; l1,u1=wilson(a,n1); l2,u2=wilson(b,n2); d=p1-p2
    print(a,n1,b,n2, repr(d-np.sqrt((p1-l1)**2+(u2-p2)**2)), repr(d+np.sqrt((u1-p1)**2+(p2-l2)**2)))
print("# mannwhitneyu")
X1=[19,22,16,29,24]; Y1=[20,11,17,12]
X2=[1.83,0.50,1.62,2.48,1.68,1.88,1.55,3.06,1.30]; Y2=[0.878,0.647,0.598,2.05,1.06,1.29,1.06,3.14,1.29]
X3=[3,4,2,6,2,5,5,4,3,3,6,7,2,4]; Y3=[2,1,3,1,2,2,4,3,1,2,1,3,5,2,2,1]
X4=list(np.round(np.random.default_rng(7).normal(10,3,30),3)); Y4=list(np.round(np.random.default_rng(8).normal(12,3,25),3))
for name,(x,y) in {"X1":(X1,Y1),"X2":(X2,Y2),"X3":(X3,Y3),"X4":(X4,Y4)}.items():
    r=st.mannwhitneyu(x,y); print(name, repr(r.statistic), repr(r.pvalue))
    if name in ("X1",): print("  exact", repr(st.mannwhitneyu(x,y,method='exact').pvalue), "asym", repr(st.mannwhitneyu(x,y,method='asymptotic').pvalue))
print("X4 =", [float(v) for v in X4]); print("Y4 =", [float(v) for v in Y4])
X5=[1.1,2.3,0.4,5.6,3.3,2.2,4.1]; Y5=[0.2,-1.0,1.5,0.7,2.05,-0.3,0.9,1.25,0.35,-0.6,1.95,0.05]
print("X5", repr(st.mannwhitneyu(X5,Y5).pvalue), repr(st.mannwhitneyu(X5,Y5,method='exact').pvalue))
print("# Hodges-Lehmann by brute force")
def hl(x,y,conf=0.95):
    d=sorted(a-b for a in x for b in y); m,n=len(x),len(y)
    # exact null distribution of U by enumerating every split of the pooled ranks
    N=m+n; counts={}
    for comb in itertools.combinations(range(1,N+1),m):
        u=sum(comb)-m*(m+1)//2; counts[u]=counts.get(u,0)+1
    tot=sum(counts.values()); cum=0; k=0
    for u in range(m*n+1):
        cum+=counts.get(u,0)/tot
        if cum<=(1-conf)/2*(1+1e-9): k=u+1
        else: break
    return float(np.median(d)), (d[k-1], d[len(d)-k]) if k>=1 else None, k
print("X1", hl(X1,Y1,0.90), hl(X1,Y1,0.95))
print("X5", hl(X5,Y5))
print("# Hodges-Lehmann with ties: normal-approximation k and interval")
from collections import Counter
from math import comb
x=[3,4,2,6,2,5,5,4,3,3,6,7,2,4]; y=[2,1,3,1,2,2,4,3,1,2,1,3,5,2,2,1]
m,n=len(x),len(y); N=m+n; tt=sum(t**3-t for t in Counter(x+y).values())
s=np.sqrt(m*n/12*((N+1)-tt/(N*(N-1)))); k=int(np.floor(m*n/2+0.5-st.norm.ppf(0.975)*s)); d=sorted(a-b for a in x for b in y)
print("tie term", tt, "sigma", s, "k", k, "interval", d[k-1], d[m*n-k], "median", np.median(d))
print("P(U=0) for 8 x 5000:", 1/comb(5008,8))
print("fisher for the merge rule:", st.fisher_exact([[5,5],[6,4]]).pvalue, st.fisher_exact([[30,20],[40,10]]).pvalue, st.fisher_exact([[30,20],[35,15]]).pvalue)
print("sign test 8 of 9:", st.binomtest(8,9).pvalue)
