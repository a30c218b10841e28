/*
 * stats.c - the statistics of the figures, on plain arrays, with GSL:
 * gsl_sort and gsl_stats for concentration, gsl_fit_linear and
 * gsl_cdf_tdist_Pinv for the trend and its prediction interval.
 */
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <string.h>

#include "analysis_internal.h"

void ana_concentration_of(const double *x, size_t n,
                          struct ana_concentration *out)
{
	double *v, total = 0, sum_abs = 0, mean;

	memset(out, 0, sizeof(*out));
	if (n == 0) {
		out->top1 = out->top3 = out->top5 = out->hhi = out->gini = NAN;
		return;
	}
	v = g_new(double, n);
	memcpy(v, x, n * sizeof(double));
	gsl_sort(v, 1, n); /* ascending: the largest are at the end */
	for (size_t i = 0; i < n; i++)
		total += v[i];
	for (size_t i = 0; i < n; i++) {
		double share = v[n - 1 - i] / total;
		out->hhi += share * share;
		if (i < 1)
			out->top1 += share;
		if (i < 3)
			out->top3 += share;
		if (i < 5)
			out->top5 += share;
	}
	mean = gsl_stats_mean(v, 1, n);
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
			sum_abs += fabs(v[i] - v[j]);
	out->gini = sum_abs / (2.0 * (double)n * (double)n * mean);
	g_free(v);
}

enum cbm_status ana_fit_forecast(const double *x, const double *y, size_t n,
                                 double x_next, struct ana_fit *out,
                                 struct cbm_error *err)
{
	double c0, c1, cov00, cov01, cov11, sumsq, yhat, yerr, t, half;

	if (n < 3)
		return CBM_ERROR(err, CBM_EDATA, NULL,
		                 "a trend needs at least 3 years, got %zu", n);
	if (gsl_fit_linear(x, 1, y, 1, n, &c0, &c1, &cov00, &cov01, &cov11,
	                   &sumsq) != GSL_SUCCESS)
		return CBM_ERROR(err, CBM_EDATA, NULL,
		                 "cannot fit a line to these years");
	if (gsl_fit_linear_est(x_next, c0, c1, cov00, cov01, cov11, &yhat,
	                       &yerr) != GSL_SUCCESS)
		return CBM_ERROR(err, CBM_EDATA, NULL, "cannot forecast");
	t = gsl_cdf_tdist_Pinv(0.975, (double)(n - 2));
	half = t * sqrt(yerr * yerr + sumsq / (double)(n - 2));
	out->slope = c1;
	out->intercept = c0;
	out->slope_se = sqrt(cov11);
	out->forecast = yhat;
	out->lo95 = yhat - half;
	out->hi95 = yhat + half;
	return CBM_OK;
}
